using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>
/// Reads and writes awsJson1_1 timestamps: JSON numbers of epoch seconds, possibly fractional or in exponent
/// notation (<c>1.563223656E9</c>). A string is accepted too, because some emulators answer with ISO 8601.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                var seconds = reader.GetDouble();
                return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
            case JsonTokenType.String:
                var text = reader.GetString();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fromString))
                {
                    return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(fromString * TimeSpan.TicksPerSecond));
                }

                return DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            default:
                throw new JsonException($"Expected a timestamp (epoch seconds) but found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var ticks = (value.Value - DateTimeOffset.UnixEpoch).Ticks;
        writer.WriteNumberValue(decimal.Divide(ticks, TimeSpan.TicksPerSecond));
    }
}
