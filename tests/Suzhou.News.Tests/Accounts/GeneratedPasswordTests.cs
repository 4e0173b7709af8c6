using Suzhou.News.Accounts;

namespace Suzhou.News.Tests.Accounts;

public sealed class GeneratedPasswordTests
{
    [Fact]
    public void Generated_passwords_always_meet_the_password_rules()
    {
        // 5,000 draws: a generator that leaves the lowercase letter to chance fails this nearly every run.
        for (var i = 0; i < 5_000; i++)
        {
            var password = StaffAccounts.NewPassword();
            Assert.Equal(16, password.Length);
            Assert.Contains(password, char.IsAsciiLetterLower);
            Assert.Contains(password, char.IsAsciiDigit);
            Assert.DoesNotContain(password, c => "0O1lI".Contains(c, StringComparison.Ordinal));
        }
    }
}
