using System.Diagnostics;
using System.Text;
using Suzhou.News.Chinese;
using Xunit.Abstractions;

namespace Suzhou.News.Tests.Chinese;

public sealed class ChineseConverterTests(ITestOutputHelper output)
{
    static readonly ChineseConverter Converter = ChineseConverter.Shared;

    [Theory]
    [InlineData("发展", "發展")]
    [InlineData("头发", "頭髮")]
    [InlineData("面条", "麵條")]
    [InlineData("干部", "幹部")]
    [InlineData("理发店", "理髮店")]
    [InlineData("干净", "乾淨")]
    [InlineData("后来皇后来了", "後來皇后來了")]
    [InlineData("宿州市埇桥区", "宿州市埇橋區")]
    [InlineData("长三角一体化发展", "長三角一體化發展")]
    [InlineData("头发花白的干部在面条店里谈发展", "頭髮花白的幹部在麵條店裡談發展")]
    public void Simplified_words_become_traditional_by_phrase(string simplified, string traditional) =>
        Assert.Equal(traditional, Converter.ToTraditional(simplified));

    [Theory]
    [InlineData("頭髮", "头发")]
    [InlineData("麵條", "面条")]
    [InlineData("幹部", "干部")]
    [InlineData("乾淨", "干净")]
    [InlineData("裡面", "里面")]
    [InlineData("長三角一體化發展", "长三角一体化发展")]
    public void Traditional_words_become_simplified(string traditional, string simplified) =>
        Assert.Equal(simplified, Converter.ToSimplified(traditional));

    [Theory]
    [InlineData("Suzhou, Anhui 2026")]
    [InlineData("https://www.example.cn/fazhan?q=1&page=2")]
    [InlineData("var x = a < b ? 1 : 2;")]
    [InlineData("")]
    public void Latin_text_urls_and_code_pass_through_unchanged(string text)
    {
        Assert.Equal(text, Converter.ToTraditional(text));
        Assert.Equal(text, Converter.ToSimplified(text));
    }

    [Fact]
    public void Mixed_text_converts_only_the_chinese()
    {
        Assert.Equal("訪問 https://example.cn/fazhan 瞭解發展，電話 0557—3909502", Converter.ToTraditional("访问 https://example.cn/fazhan 了解发展，电话 0557—3909502"));
    }

    /// <summary>A figure for the README, not an assertion: how fast a long text converts once loaded.</summary>
    [Fact]
    public void Conversion_speed_is_measured_on_a_long_text()
    {
        var load = Stopwatch.StartNew();
        var converter = ChineseConverter.Load(ChineseConverter.DefaultFolder);
        load.Stop();

        const string sentence = "宿州市推进长三角一体化发展，头发花白的干部在面条店里和群众谈发展，新建的学校明年秋季招生。";
        var text = new StringBuilder();
        while (text.Length < 930_000)
        {
            text.Append(sentence);
        }
        var input = text.ToString();
        converter.ToTraditional(sentence); // warm up

        var converted = "";
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var run = Stopwatch.StartNew();
            converted = converter.ToTraditional(input);
            best = run.Elapsed < best ? run.Elapsed : best;
        }

        Assert.Equal(input.Length, converted.Length);
        Assert.StartsWith("宿州市推進長三角一體化發展，頭髮花白的幹部在麵條店裡", converted);
        output.WriteLine($"dictionaries loaded in {load.ElapsedMilliseconds} ms; {input.Length:N0} characters converted in {best.TotalMilliseconds:0} ms (best of 3)");
    }
}
