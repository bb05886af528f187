using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// The AWS CLI's shorthand syntax (<c>Key=Environment,Value=Production</c>, <c>a=b,c</c>, <c>a=[b,c]</c>,
/// <c>a={b=c}</c>, quoted values), ported from <c>awscli/shorthand.py</c>. Purely syntactic: every scalar
/// comes out as a string; <see cref="ShorthandModelCoercer"/> then applies the model's types.
/// </summary>
internal sealed partial class ShorthandParser
{
    private const string Whitespace = " \t\n\r\v\f";
    private const string KeyCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.#/:";

    private string _input = "";
    private int _index;

    /// <summary>Parses one shorthand value into an object of strings, lists and objects.</summary>
    public JsonObject Parse(string value)
    {
        _input = value;
        _index = 0;
        return Parameter();
    }

    private JsonObject Parameter()
    {
        var parameters = new JsonObject();
        var (key, value) = KeyValue();
        parameters[key] = value;
        var lastIndex = _index;
        while (_index < _input.Length)
        {
            Expect(',', consumeWhitespace: true);
            (key, value) = KeyValue();
            if (parameters.ContainsKey(key))
            {
                throw new ShorthandSyntaxException(
                    $"Second instance of key \"{key}\" encountered for input:\n{ErrorLocation(lastIndex + 1)}\n" +
                    "This is often because there is a preceding \",\" instead of a space.");
            }

            parameters[key] = value;
            lastIndex = _index;
        }

        return parameters;
    }

    private (string Key, JsonNode Value) KeyValue()
    {
        var key = Key();
        Expect('=', consumeWhitespace: true);
        return (key, Values());
    }

    private string Key()
    {
        var start = _index;
        while (!AtEof && KeyCharacters.Contains(_input[_index], StringComparison.Ordinal))
        {
            _index++;
        }

        return _input[start.._index];
    }

    private JsonNode Values()
    {
        if (AtEof)
        {
            return JsonValue.Create("");
        }

        return Current switch
        {
            '[' => ExplicitList(),
            '{' => HashLiteral(),
            _ => CsvValue(),
        };
    }

    private JsonNode CsvValue()
    {
        var first = FirstValue();
        ConsumeWhitespace();
        if (AtEof || _input[_index] != ',')
        {
            return JsonValue.Create(first);
        }

        Expect(',', consumeWhitespace: true);
        var list = new List<string> { first };
        while (true)
        {
            try
            {
                var current = SecondValue();
                ConsumeWhitespace();
                if (AtEof)
                {
                    list.Add(current);
                    break;
                }

                Expect(',', consumeWhitespace: true);
                list.Add(current);
            }
            catch (ShorthandSyntaxException) when (!AtEof)
            {
                // The last "value" was really the next key (a=b,c,d=e): step back to its comma.
                BacktrackTo(',');
                break;
            }
        }

        if (list.Count == 1)
        {
            return JsonValue.Create(first);
        }

        return new JsonArray(list.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
    }

    private string BareValue()
    {
        var match = FirstValuePattern().Match(_input, _index);
        if (!match.Success)
        {
            return "";
        }

        _index += match.Length;
        return match.Value.Replace("\\,", ",", StringComparison.Ordinal).TrimEnd();
    }

    private JsonArray ExplicitList()
    {
        Expect('[', consumeWhitespace: true);
        var values = new JsonArray();
        while (Current != ']')
        {
            values.Add(ExplicitValues());
            ConsumeWhitespace();
            if (Current != ']')
            {
                Expect(',');
                ConsumeWhitespace();
            }
        }

        Expect(']');
        return values;
    }

    private JsonNode ExplicitValues() => Current switch
    {
        '[' => ExplicitList(),
        '{' => HashLiteral(),
        _ => JsonValue.Create(FirstValue()),
    };

    private JsonObject HashLiteral()
    {
        Expect('{', consumeWhitespace: true);
        var values = new JsonObject();
        while (Current != '}')
        {
            var key = Key();
            Expect('=', consumeWhitespace: true);
            var value = ExplicitValues();
            ConsumeWhitespace();
            if (Current != '}')
            {
                Expect(',');
                ConsumeWhitespace();
            }

            values[key] = value;
        }

        Expect('}');
        return values;
    }

    private string FirstValue() => Current switch
    {
        '\'' => Quoted(SingleQuoted(), "single quoted", '\''),
        '"' => Quoted(DoubleQuoted(), "double quoted", '"'),
        _ => BareValue(),
    };

    private string SecondValue()
    {
        if (Current is '\'' or '"')
        {
            return FirstValue();
        }

        var consumed = MustConsume(SecondValuePattern(), "second");
        return consumed.Replace("\\,", ",", StringComparison.Ordinal).TrimEnd();
    }

    private string Quoted(Regex pattern, string name, char quote)
    {
        var consumed = MustConsume(pattern, name);
        return consumed[1..^1]
            .Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal)
            .Replace("\\\\", "\\", StringComparison.Ordinal);
    }

    private string MustConsume(Regex pattern, string name)
    {
        var match = pattern.Match(_input, _index);
        if (!match.Success)
        {
            throw SyntaxError($"<{name}>", "<none>");
        }

        _index += match.Length;
        return match.Value;
    }

    private void Expect(char expected, bool consumeWhitespace = false)
    {
        if (consumeWhitespace)
        {
            ConsumeWhitespace();
        }

        if (AtEof)
        {
            throw SyntaxError(expected.ToString(), "EOF");
        }

        if (_input[_index] != expected)
        {
            throw SyntaxError(expected.ToString(), _input[_index].ToString());
        }

        _index++;
        if (consumeWhitespace)
        {
            ConsumeWhitespace();
        }
    }

    private ShorthandSyntaxException SyntaxError(string expected, string actual) =>
        new($"Expected: '{expected}', received: '{actual}' for input:\n{ErrorLocation(_index)}");

    private string ErrorLocation(int index)
    {
        string consumed = _input, remaining = "";
        var spaces = index;
        var before = _input[..Math.Min(index, _input.Length)];
        if (before.Contains('\n', StringComparison.Ordinal))
        {
            spaces = index - before.LastIndexOf('\n') - 1;
        }

        var after = index < _input.Length ? _input[index..] : "";
        if (after.Contains('\n', StringComparison.Ordinal))
        {
            var nextNewline = index + after.IndexOf('\n', StringComparison.Ordinal);
            consumed = _input[..nextNewline];
            remaining = _input[nextNewline..];
        }

        return consumed + "\n" + new string(' ', spaces) + "^" + remaining;
    }

    private char? Current => AtEof ? null : _input[_index];

    private bool AtEof => _index >= _input.Length;

    private void BacktrackTo(char character)
    {
        while (_index >= 0 && _input[_index] != character)
        {
            _index--;
        }
    }

    private void ConsumeWhitespace()
    {
        while (!AtEof && Whitespace.Contains(_input[_index], StringComparison.Ordinal))
        {
            _index++;
        }
    }

    // Character classes copied from awscli/shorthand.py (_START_WORD, _FIRST_FOLLOW_CHARS, _SECOND_FOLLOW_CHARS).
    [GeneratedRegex(@"\G(?:\\,|[!#-&(-+\x2D-<>-Z\x5C-z|-\uFFFF])(?:\\,|[\s!#-&(-+\x2D-\x5C\x5E-|~-\uFFFF])*")]
    private static partial Regex FirstValuePattern();

    [GeneratedRegex(@"\G(?:\\,|[!#-&(-+\x2D-<>-Z\x5C-z|-\uFFFF])(?:\\,|[\s!#-&(-+\x2D-<>-\uFFFF])*")]
    private static partial Regex SecondValuePattern();

    [GeneratedRegex(@"\G'(?:\\\\|\\'|[^'])*'")]
    private static partial Regex SingleQuoted();

    [GeneratedRegex(@"\G""(?:\\\\|\\""|[^""])*""")]
    private static partial Regex DoubleQuoted();
}
