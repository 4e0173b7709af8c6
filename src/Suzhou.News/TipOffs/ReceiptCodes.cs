using System.Security.Cryptography;
using System.Text;
using Suzhou.News.Site;

namespace Suzhou.News.TipOffs;

/// <summary>
/// Receipt numbers (<c>BL20261129-8K3F</c>) and secret lookup codes (<c>7KQ2-M9XH-4TPW</c>), from an alphabet
/// without look-alikes (no 0/O, 1/I/L). The code is kept only as a hash bound to its receipt number.
/// </summary>
public static class ReceiptCodes
{
    const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    const int CodeLength = 12;

    public static string Prefix(SubmissionKind kind) => kind == SubmissionKind.Tip ? "BL" : "JB";

    public static string NewReceiptNumber(SubmissionKind kind, DateTime utcNow) =>
        $"{Prefix(kind)}{BeijingTime.FromUtc(utcNow):yyyyMMdd}-{RandomChars(4)}";

    /// <summary>A new code, grouped by four for reading aloud.</summary>
    public static string NewLookupCode()
    {
        var raw = RandomChars(CodeLength);
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }

    static string RandomChars(int count) => RandomNumberGenerator.GetString(Alphabet, count);

    /// <summary>Upper case, without spaces or dashes, so "7kq2 m9xh-4tpw" matches.</summary>
    public static string Normalize(string? text) =>
        new((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '－').Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string receiptNumber, string lookupCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(receiptNumber) + ":" + Normalize(lookupCode))));

    /// <summary>Compares in constant time; a missing row is compared against a dummy so both misses cost the same.</summary>
    public static bool Matches(string? storedHash, string receiptNumber, string lookupCode)
    {
        var given = Convert.FromHexString(Hash(receiptNumber, lookupCode));
        var stored = storedHash is { Length: 64 } ? Convert.FromHexString(storedHash) : new byte[32];
        return CryptographicOperations.FixedTimeEquals(given, stored) && storedHash is not null;
    }
}
