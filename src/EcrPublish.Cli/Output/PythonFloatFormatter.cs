using System.Globalization;

namespace EcrPublish.Cli.Output;

/// <summary>
/// Python's <c>repr(float)</c>, which the AWS CLI's JSON and text output use for doubles: shortest round-trip
/// digits, <c>5.0</c> rather than <c>5</c>, exponent form below 1e-4 and from 1e16 (<c>1e-05</c>, <c>1e+16</c>).
/// </summary>
internal static class PythonFloatFormatter
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var sign = value < 0 ? "-" : "";
        if (pointPosition <= -4 || pointPosition > 16)
        {
            var exponent = pointPosition - 1;
            var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}");
        }

        if (pointPosition <= 0)
        {
            return sign + "0." + new string('0', -pointPosition) + digits;
        }

        if (pointPosition >= digits.Length)
        {
            return sign + digits + new string('0', pointPosition - digits.Length) + ".0";
        }

        return sign + digits[..pointPosition] + "." + digits[pointPosition..];
    }

    // The shortest digits that round-trip, and where the decimal point goes: value = 0.DIGITS x 10^pointPosition.
    private static (string Digits, int PointPosition) ShortestDigits(double value)
    {
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentIndex = roundTrip.IndexOf('E', StringComparison.Ordinal);
        string mantissa = exponentIndex < 0 ? roundTrip : roundTrip[..exponentIndex];
        var exponent = exponentIndex < 0 ? 0 : int.Parse(roundTrip[(exponentIndex + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? "" : mantissa[(point + 1)..];
        var allDigits = integerPart + fraction;
        var pointPosition = integerPart.Length + exponent;
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        allDigits = allDigits.TrimStart('0').TrimEnd('0');
        return (allDigits.Length == 0 ? "0" : allDigits, pointPosition - leadingZeros);
    }
}
