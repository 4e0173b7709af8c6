namespace Suzhou.News.Hosting;

/// <summary>
/// For middleware that must see a whole response before it is sent (the ETag hash, the 繁體 conversion):
/// capture the body in memory, then send it — or a changed version — with its exact length.
/// </summary>
public static class ResponseBuffering
{
    /// <summary>Runs the rest of the pipeline with the response body written to memory instead of the client.</summary>
    public static async Task<MemoryStream> CaptureBodyAsync(this HttpContext context, Func<Task> next)
    {
        var original = context.Response.Body;
        var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next();
            return buffer;
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    /// <summary>
    /// Sends the bytes. An empty body sends nothing and sets no length, so a bare status code (a 404 from a page)
    /// still gets the status-code page the error middleware fills in.
    /// </summary>
    public static async Task SendBodyAsync(this HttpContext context, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return;
        }
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static ReadOnlyMemory<byte> Bytes(this MemoryStream buffer) => buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
}
