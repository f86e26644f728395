using System.Collections;

namespace Switchboard.Sip.Messages;

/// <summary>The ordered header fields of a message; lookups ignore case and understand compact names, and order is never changed.</summary>
public sealed class HeaderList : IReadOnlyList<SipHeader>
{
    private readonly List<SipHeader> _headers;

    /// <summary>Creates an empty list.</summary>
    public HeaderList()
        : this(0)
    {
    }

    internal HeaderList(int capacity) => _headers = new List<SipHeader>(capacity);

    /// <summary>Changes each time the list is modified, so typed views know when to parse again.</summary>
    public int Version { get; private set; }

    /// <inheritdoc/>
    public int Count => _headers.Count;

    /// <inheritdoc/>
    public SipHeader this[int index] => _headers[index];

    /// <summary>Appends a header.</summary>
    public void Add(SipHeader header)
    {
        _headers.Add(header);
        Version++;
    }

    /// <summary>Appends <c>name: value</c>.</summary>
    public void Add(string name, string value) => Add(new SipHeader(name, value));

    /// <summary>Inserts a header before every other (a new top Via or Route).</summary>
    public void AddFirst(SipHeader header)
    {
        _headers.Insert(0, header);
        Version++;
    }

    /// <summary>The value of the first header of that name, or null.</summary>
    public string? Get(string name)
    {
        foreach (var header in _headers)
        {
            if (header.Is(name))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>Every header of that name, in order.</summary>
    public IEnumerable<SipHeader> GetAll(string name)
    {
        foreach (var header in _headers)
        {
            if (header.Is(name))
            {
                yield return header;
            }
        }
    }

    /// <summary>True when a header of that name is present.</summary>
    public bool Contains(string name) => Get(name) is not null;

    /// <summary>Replaces the first header of that name in place (removing any others), or appends it.</summary>
    public void Set(string name, string value)
    {
        var index = _headers.FindIndex(h => h.Is(name));
        if (index < 0)
        {
            Add(name, value);
            return;
        }

        _headers[index] = new SipHeader(name, value);
        for (var i = _headers.Count - 1; i > index; i--)
        {
            if (_headers[i].Is(name))
            {
                _headers.RemoveAt(i);
            }
        }

        Version++;
    }

    /// <summary>Removes every header of that name.</summary>
    public void Remove(string name)
    {
        if (_headers.RemoveAll(h => h.Is(name)) > 0)
        {
            Version++;
        }
    }

    /// <summary>Replaces the header at <paramref name="index"/>.</summary>
    public void Replace(int index, SipHeader header)
    {
        _headers[index] = header;
        Version++;
    }

    /// <summary>Removes the header at <paramref name="index"/>.</summary>
    public void RemoveAt(int index)
    {
        _headers.RemoveAt(index);
        Version++;
    }

    /// <summary>Enumerates the headers in order, without allocating.</summary>
    public List<SipHeader>.Enumerator GetEnumerator() => _headers.GetEnumerator();

    IEnumerator<SipHeader> IEnumerable<SipHeader>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
