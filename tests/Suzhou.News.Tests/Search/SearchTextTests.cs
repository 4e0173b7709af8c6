using Suzhou.News.Search;

namespace Suzhou.News.Tests.Search;

public sealed class SearchTextTests
{
    [Fact]
    public void Chinese_text_is_cut_into_neighbouring_pairs_and_latin_words_stay_whole()
    {
        Assert.Equal("宿州 州市 ", SearchText.ToTerms("宿州市"));
        Assert.Equal("g3 g3高 高速 ", SearchText.ToTerms("G3高速"));
        Assert.Equal("2024 2024年 ", SearchText.ToTerms("２０２４年"));
    }

    [Theory]
    [InlineData("宿州", "\"宿州\"")]
    [InlineData("萧县 高铁", "\"萧县\" AND \"高铁\"")]
    [InlineData("5G", "\"5g\"")]
    [InlineData("宿", "\"宿\"*")]
    [InlineData("NEAR(", "\"near\"")]
    [InlineData("\"宿州\" OR NEAR(高铁", "\"宿州\" AND \"or\" AND \"near\" AND \"高铁\"")]
    public void Queries_become_quoted_phrases_of_letters_and_digits_only(string query, string expected) =>
        Assert.Equal(expected, SearchText.ToMatch(query));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("^")]
    [InlineData("\uD800")]
    [InlineData("（）。、！")]
    public void Queries_without_letters_or_digits_have_nothing_to_match(string? query) =>
        Assert.Null(SearchText.ToMatch(query));

    [Theory]
    [InlineData("宿州市", "('宿州' <-> '州市')")]
    [InlineData("萧县 高铁", "('萧县') & ('高铁')")]
    [InlineData("2024年", "('2024' <-> '2024年')")]
    [InlineData("宿", "'宿':*")]
    [InlineData("\"宿州\" | !高铁 <->", "('宿州') & ('高铁')")]
    public void Postgres_queries_are_phrases_of_quoted_lexemes_only(string query, string expected) =>
        Assert.Equal(expected, SearchText.ToTsQuery(query));

    [Fact]
    public void Postgres_vectors_hold_each_term_at_its_position_with_a_gap_between_title_and_body()
    {
        // Title 宿州市 at 1 and 2, a gap at 3, body 州市 at 4.
        Assert.Equal("'宿州':1 '州市':2,4 ", SearchText.ToTsVector("宿州市", "州市"));
        Assert.Equal("", SearchText.ToTsVector("", "（）"));
    }

    [Fact]
    public void Postgres_vectors_leave_out_terms_too_long_for_a_lexeme()
    {
        var vector = SearchText.ToTsVector("宿州", new string('a', 3000) + " 高铁");

        Assert.Equal("'宿州':1 '高铁':4 ", vector);
    }

    [Fact]
    public void Long_queries_are_cut_to_the_maximum_length()
    {
        Assert.Equal(SearchText.MaxQueryLength, SearchText.Clean(new string('宿', 2000)).Length);
    }
}
