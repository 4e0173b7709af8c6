using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Suzhou.News.Data;

/// <summary>Stores UTC and reads back <see cref="DateTimeKind.Utc"/>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
