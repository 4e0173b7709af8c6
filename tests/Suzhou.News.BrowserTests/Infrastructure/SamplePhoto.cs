using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Suzhou.News.BrowserTests.Infrastructure;

/// <summary>
/// A small but real JPEG made on the spot (a sky-to-field gradient), for forms that take photos: it passes any
/// check that sniffs the file's header or decodes it, and it needs no file checked into the repository.
/// </summary>
public static class SamplePhoto
{
    public static byte[] Jpeg(int width = 320, int height = 240)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = y < height / 2
                    ? new Rgb24((byte)(90 + x * 60 / width), (byte)(150 + y * 60 / height), 230)
                    : new Rgb24((byte)(60 + x * 40 / width), (byte)(140 - y * 40 / height), 50);
            }
        }

        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }
}
