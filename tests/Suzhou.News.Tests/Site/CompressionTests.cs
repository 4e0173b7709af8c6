using System.IO.Compression;
using System.Net;

namespace Suzhou.News.Tests.Site;

/// <summary>Public pages are compressed once and served compressed from the cache; newsroom pages never are.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class CompressionTests(SeededSite site)
{
    [Fact]
    public async Task A_brotli_reader_gets_the_same_page_compressed_and_the_repeat_comes_from_the_cache()
    {
        var plain = await Get(SeedArticles.Reprint, null);
        var first = await Get(SeedArticles.Reprint, "gzip, deflate, br, zstd");
        var again = await Get(SeedArticles.Reprint, "br, gzip");

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], first.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        var html = await plain.Content.ReadAsStringAsync();
        var compressed = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(html, Decode(compressed, "br"));
        Assert.True(compressed.Length * 3 < System.Text.Encoding.UTF8.GetByteCount(html), $"{compressed.Length} bytes compressed");
        Assert.NotNull(again.Headers.Age); // same coding, other spelling: one cache entry
        Assert.NotEqual(plain.Headers.ETag!.Tag, first.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_gzip_only_reader_gets_gzip_and_a_refusal_of_every_coding_gets_plain_html()
    {
        var gzip = await Get("/channel/shehui", "gzip");
        var none = await Get("/channel/shehui", "br;q=0, gzip;q=0");

        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Contains("<h1", Decode(await gzip.Content.ReadAsByteArrayAsync(), "gzip"), StringComparison.Ordinal);
        Assert.Empty(none.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Newsroom_pages_with_tokens_are_not_compressed()
    {
        var login = await Get("/admin/account/login", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Empty(login.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    async Task<HttpResponseMessage> Get(string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        var response = await site.App.CreateReader().SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    static string Decode(byte[] body, string coding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }
}
