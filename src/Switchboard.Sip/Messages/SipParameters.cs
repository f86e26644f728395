using System.Buffers;
using System.Text;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>The ordered parameters of a header value (generic-param list); names compare case-insensitively.</summary>
public sealed class SipParameters
{
    private static readonly SearchValues<char> ValueChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~[]:");

    private List<SipParameter>? _items;

    /// <summary>The parameters in the order they were written.</summary>
    public IReadOnlyList<SipParameter> Items => _items ?? (IReadOnlyList<SipParameter>)[];

    /// <summary>True when a parameter of that name is present (with or without a value).</summary>
    public bool Contains(string name) => Find(name) is not null;

    /// <summary>The value of the named parameter; null when it is absent or has no value.</summary>
    public string? this[string name] => Find(name)?.Value;

    /// <summary>Adds or replaces a parameter.</summary>
    public void Set(string name, string? value, bool quoted = false)
    {
        var index = IndexOf(name);
        var parameter = new SipParameter(name, value, quoted);
        if (index >= 0)
        {
            _items![index] = parameter;
        }
        else
        {
            Add(parameter);
        }
    }

    /// <summary>Removes the named parameter if present.</summary>
    public void Remove(string name)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            _items!.RemoveAt(index);
        }
    }

    /// <summary>Copies the parameters.</summary>
    public SipParameters Clone()
    {
        var copy = new SipParameters();
        if (_items is not null)
        {
            copy._items = [.. _items];
        }

        return copy;
    }

    /// <summary>Writes <c>;name=value</c> for each parameter.</summary>
    public void AppendTo(StringBuilder builder)
    {
        foreach (var p in Items)
        {
            builder.Append(';').Append(p.Name);
            if (p.Value is null)
            {
                continue;
            }

            builder.Append('=');
            if (p.Quoted)
            {
                builder.Append('"').Append(p.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                builder.Append(p.Value);
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    /// <summary>Reads <c>*( SEMI generic-param )</c>; fails on an empty or malformed parameter such as <c>;;</c>. Without <paramref name="build"/> it only checks.</summary>
    internal static bool TryRead(ref HeaderReader reader, bool build, out SipParameters? parameters, out string error)
    {
        parameters = build ? new SipParameters() : null;
        error = string.Empty;
        while (reader.TrySeparator(';'))
        {
            if (!TryReadOne(ref reader, out var parameter, out error))
            {
                return false;
            }

            parameters?.Add(parameter.ToParameter());
        }

        return true;
    }

    /// <summary>Reads the generic-param after a SEMI: <c>token [ EQUAL ( token / host / quoted-string ) ]</c>.</summary>
    internal static bool TryReadOne(ref HeaderReader reader, out ParameterText parameter, out string error)
    {
        parameter = default;
        error = string.Empty;
        var name = reader.ReadToken();
        if (name.IsEmpty)
        {
            error = "an empty or malformed parameter name";
            return false;
        }

        if (!reader.TrySeparator('='))
        {
            parameter = new ParameterText(name, default, HasValue: false, Quoted: false);
            return true;
        }

        if (reader.Peek() == '"')
        {
            if (!reader.TryReadQuotedText(out var text))
            {
                error = $"an unterminated quoted value in parameter '{name}'";
                return false;
            }

            parameter = new ParameterText(name, text, HasValue: true, Quoted: true);
            return true;
        }

        var raw = reader.ReadWhile(ValueChars);
        if (raw.IsEmpty)
        {
            error = $"parameter '{name}' has '=' but no value";
            return false;
        }

        parameter = new ParameterText(name, raw, HasValue: true, Quoted: false);
        return true;
    }

    /// <summary>Appends a parameter as read (duplicates kept, as received).</summary>
    internal void Add(SipParameter parameter) => (_items ??= []).Add(parameter);

    private SipParameter? Find(string name)
    {
        var index = IndexOf(name);
        return index >= 0 ? _items![index] : null;
    }

    private int IndexOf(string name)
    {
        if (_items is null)
        {
            return -1;
        }

        for (var i = 0; i < _items.Count; i++)
        {
            if (_items[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
