namespace EcrPublish.Docker;

/// <summary>Parses the parameters of a <c>WWW-Authenticate: Bearer realm="...",service="...",scope="..."</c> challenge.</summary>
internal static class BearerChallengeParser
{
    public static IReadOnlyDictionary<string, string> Parse(string parameters)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (position < parameters.Length)
        {
            var equals = parameters.IndexOf('=', position);
            if (equals < 0)
            {
                break;
            }

            var key = parameters[position..equals].Trim(' ', ',');
            position = equals + 1;
            string value;
            if (position < parameters.Length && parameters[position] == '"')
            {
                var closing = parameters.IndexOf('"', position + 1);
                closing = closing < 0 ? parameters.Length : closing;
                value = parameters[(position + 1)..closing];
                position = closing + 1;
            }
            else
            {
                var comma = parameters.IndexOf(',', position);
                comma = comma < 0 ? parameters.Length : comma;
                value = parameters[position..comma].Trim();
                position = comma;
            }

            result[key] = value;
            position++;
        }

        return result;
    }
}
