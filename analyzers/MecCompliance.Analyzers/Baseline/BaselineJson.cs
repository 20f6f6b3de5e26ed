using System.Globalization;
using System.Text;

namespace MecCompliance.Analyzers.Baseline;

/// <summary>
/// A strict reader for the JSON of <c>mec-baseline.json</c> (RFC 8259: no comments, no trailing commas, no duplicate
/// keys). The analyzer assembly may not depend on System.Text.Json, and a baseline that silently half-parses would
/// suppress the wrong findings; so every deviation is an error with its line and column, never an exception.
/// </summary>
internal sealed class BaselineJson
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private BaselineJson(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what and where.</summary>
    public static JsonNode? Parse(string text, out BaselineError? error)
    {
        var reader = new BaselineJson(text);
        try
        {
            reader.SkipWhitespace();
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._position < text.Length)
            {
                throw reader.Fail("unexpected text after the end of the JSON document");
            }

            error = null;
            return value;
        }
        catch (FormatException e)
        {
            error = reader.ErrorAt(e.Message, reader._position);
            return null;
        }
    }

    private JsonNode ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Fail("the document is nested too deeply");
        }

        if (_position >= _text.Length)
        {
            throw Fail("unexpected end of the document; a value was expected");
        }

        var start = _position;
        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth, start);
            case '[':
                return ReadArray(depth, start);
            case '"':
                return new JsonNode(JsonKind.String, start, ReadString());
            case 't':
                ReadLiteral("true");
                return new JsonNode(JsonKind.True, start);
            case 'f':
                ReadLiteral("false");
                return new JsonNode(JsonKind.False, start);
            case 'n':
                ReadLiteral("null");
                return new JsonNode(JsonKind.Null, start);
            case '-':
            case >= '0' and <= '9':
                return new JsonNode(JsonKind.Number, start, ReadNumber());
            default:
                throw Fail($"unexpected character '{_text[_position]}'; a value was expected");
        }
    }

    private JsonNode ReadObject(int depth, int start)
    {
        var properties = new List<KeyValuePair<string, JsonNode>>();
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return new JsonNode(start, properties);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Fail("a property name in double quotes was expected");
            }

            var keyStart = _position;
            var key = ReadString();
            if (properties.Any(p => p.Key == key))
            {
                _position = keyStart;
                throw Fail($"duplicate property \"{key}\"");
            }

            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            properties.Add(new KeyValuePair<string, JsonNode>(key, ReadValue(depth + 1)));
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == '}')
            {
                return new JsonNode(start, properties);
            }

            if (next != ',')
            {
                _position--;
                throw Fail("',' or '}' was expected");
            }
        }
    }

    private JsonNode ReadArray(int depth, int start)
    {
        var items = new List<JsonNode>();
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return new JsonNode(start, items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == ']')
            {
                return new JsonNode(start, items);
            }

            if (next != ',')
            {
                _position--;
                throw Fail("',' or ']' was expected");
            }
        }
    }

    private string ReadString()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Fail("unterminated string");
            }

            var c = _text[_position++];
            switch (c)
            {
                case '"':
                    return builder.ToString();
                case '\\':
                    builder.Append(ReadEscape());
                    break;
                case < ' ':
                    _position--;
                    throw Fail("control character in a string; escape it");
                default:
                    builder.Append(c);
                    break;
            }
        }
    }

    private char ReadEscape()
    {
        if (_position >= _text.Length)
        {
            throw Fail("unterminated string");
        }

        var c = _text[_position++];
        switch (c)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u' when _position + 4 <= _text.Length &&
                          int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                _position += 4;
                return (char)code;
            default:
                _position--;
                throw Fail("invalid escape sequence in a string");
        }
    }

    private string ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!ReadDigits())
        {
            throw Fail("invalid number");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!ReadDigits())
            {
                throw Fail("invalid number: digits expected after '.'");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!ReadDigits())
            {
                throw Fail("invalid number: digits expected in the exponent");
            }
        }

        return _text.Substring(start, _position - start);
    }

    private bool ReadDigits()
    {
        var start = _position;
        while (Peek() is >= '0' and <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private void ReadLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Fail($"unexpected character '{_text[_position]}'; a value was expected");
        }

        _position += literal.Length;
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Fail($"'{expected}' was expected");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    private FormatException Fail(string message) => new(message);

    private BaselineError ErrorAt(string message, int position) => BaselineError.At(_text, position, message);
}

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>One JSON value and where it starts in the text, so a wrong field is reported at its own line.</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, int position, string? text = null)
    {
        Kind = kind;
        Position = position;
        Text = text;
    }

    public JsonNode(int position, IReadOnlyList<KeyValuePair<string, JsonNode>> properties)
        : this(JsonKind.Object, position) => Properties = properties;

    public JsonNode(int position, IReadOnlyList<JsonNode> items)
        : this(JsonKind.Array, position) => Items = items;

    public JsonKind Kind { get; }

    public int Position { get; }

    /// <summary>A string's value, or a number as written.</summary>
    public string? Text { get; }

    public IReadOnlyList<KeyValuePair<string, JsonNode>> Properties { get; } = Array.Empty<KeyValuePair<string, JsonNode>>();

    public IReadOnlyList<JsonNode> Items { get; } = Array.Empty<JsonNode>();

    public JsonNode? this[string name] => Properties.FirstOrDefault(p => p.Key == name).Value;
}

/// <summary>What is wrong with a baseline file, and where (lines and columns start at 1).</summary>
internal sealed class BaselineError
{
    private BaselineError(string message, int position, int line, int column)
    {
        Message = message;
        Position = position;
        Line = line;
        Column = column;
    }

    public string Message { get; }

    public int Position { get; }

    public int Line { get; }

    public int Column { get; }

    public static BaselineError At(string text, int position, string message)
    {
        position = Math.Max(0, Math.Min(position, text.Length));
        int line = 1, column = 1;
        for (var i = 0; i < position; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new BaselineError(message, position, line, column);
    }

    public override string ToString() => $"({Line},{Column}): {Message}";
}
