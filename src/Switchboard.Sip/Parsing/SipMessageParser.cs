using System.Globalization;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// Reads SIP messages from bytes (RFC 3261 §7, §18.3, §25). Like Kestrel's HTTP parser it never throws on input:
/// it returns Complete with the bytes used, Incomplete when a stream needs more, or Rejected with a reason.
/// </summary>
public static class SipMessageParser
{
    /// <summary>Parses the first message in <paramref name="input"/>.</summary>
    public static SipParseResult Parse(ReadOnlySpan<byte> input, SipFraming framing, SipParserLimits? limits = null)
    {
        limits ??= SipParserLimits.Default;
        var start = 0;
        while (start < input.Length && input[start] is (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == input.Length)
        {
            return framing == SipFraming.Stream
                ? SipParseResult.Incomplete(start)
                : SipParseResult.Rejected(new SipRejection(SipRejectionKind.Unframeable, "the datagram holds no message"));
        }

        var lines = new List<Range>(32);
        var headerEnd = -1;
        var position = start;
        while (position < input.Length)
        {
            var newline = input[position..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            var lineEnd = position + newline;
            var contentEnd = lineEnd > position && input[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd == position)
            {
                headerEnd = lineEnd + 1;
                break;
            }

            lines.Add(position..contentEnd);
            position = lineEnd + 1;
            if (position - start > limits.MaxHeaderBytes || lines.Count > limits.MaxHeaderFields + 1)
            {
                return SipParseResult.Rejected(new SipRejection(SipRejectionKind.Unframeable, "the header section is too large"));
            }
        }

        if (headerEnd < 0)
        {
            if (framing == SipFraming.Stream)
            {
                return input.Length - start > limits.MaxHeaderBytes
                    ? SipParseResult.Rejected(new SipRejection(SipRejectionKind.Unframeable, "the header section is too large"))
                    : SipParseResult.Incomplete(start);
            }

            if (input.Length - start > limits.MaxHeaderBytes)
            {
                return SipParseResult.Rejected(new SipRejection(SipRejectionKind.Unframeable, "the header section is too large"));
            }

            if (position < input.Length)
            {
                lines.Add(position..input.Length);
            }

            headerEnd = input.Length;
        }

        return ParseFramed(input, start, lines, headerEnd, framing, limits);
    }

    private static SipParseResult ParseFramed(ReadOnlySpan<byte> input, int start, List<Range> lines, int headerEnd, SipFraming framing, SipParserLimits limits)
    {
        var startLine = Decode(input[lines[0]]);
        var isRequest = !startLine.StartsWith("SIP/", StringComparison.Ordinal);
        var method = isRequest ? FirstToken(startLine) : null;
        var headers = new HeaderList(lines.Count - 1);
        var copyEnd = framing == SipFraming.Datagram ? input.Length : headerEnd;
        var copy = input[start..copyEnd].ToArray();
        string? headerError = null;
        for (var i = 1; i < lines.Count; i++)
        {
            var first = lines[i];
            var last = first;
            while (i + 1 < lines.Count && input[lines[i + 1]] is [(byte)' ' or (byte)'\t', ..])
            {
                last = lines[++i];
            }

            var fieldStart = first.Start.Value - start;
            var field = copy.AsMemory(fieldStart, last.End.Value - start - fieldStart);
            if (!TryReadField(field, out var header, out var error))
            {
                headerError ??= error;
                continue;
            }

            headers.Add(header!);
        }

        SipRejection Reject(SipRejectionKind kind, string reason) =>
            new(kind, reason) { IsRequest = isRequest, Method = method, Headers = kind == SipRejectionKind.Unframeable ? null : headers };

        if (!TryGetBodyLength(headers, out var contentLength, out var lengthError))
        {
            return framing == SipFraming.Stream || contentLength < 0
                ? SipParseResult.Rejected(Reject(SipRejectionKind.Unframeable, lengthError))
                : SipParseResult.Rejected(Reject(SipRejectionKind.Malformed, lengthError), input.Length);
        }

        int bodyLength;
        if (contentLength is { } declared)
        {
            if (headerEnd - start + declared > limits.MaxMessageBytes)
            {
                return SipParseResult.Rejected(Reject(SipRejectionKind.Unframeable, "the message is larger than allowed"));
            }

            if (headerEnd + declared > input.Length)
            {
                if (framing == SipFraming.Stream)
                {
                    return SipParseResult.Incomplete(start);
                }

                return SipParseResult.Rejected(Reject(SipRejectionKind.Malformed, "Content-Length is larger than the body"), input.Length);
            }

            bodyLength = (int)declared;
        }
        else
        {
            bodyLength = framing == SipFraming.Stream ? 0 : input.Length - headerEnd;
        }

        var consumed = framing == SipFraming.Stream ? headerEnd + bodyLength : input.Length;
        if (headerError is not null)
        {
            return SipParseResult.Rejected(Reject(SipRejectionKind.Malformed, headerError), consumed);
        }

        SipMessage? message = isRequest ? ParseRequestLine(startLine, out var lineError) : ParseStatusLine(startLine, out lineError);
        if (message is null)
        {
            var kind = lineError.StartsWith("SIP version", StringComparison.Ordinal) ? SipRejectionKind.VersionNotSupported : SipRejectionKind.Malformed;
            return SipParseResult.Rejected(Reject(kind, lineError), consumed);
        }

        message.Headers.AddRange(headers);
        message.Body = headerEnd + bodyLength <= copyEnd
            ? copy.AsMemory(headerEnd - start, bodyLength)
            : input.Slice(headerEnd, bodyLength).ToArray();
        var problem = Check(message);
        return problem is null
            ? SipParseResult.Complete(message, consumed)
            : SipParseResult.Rejected(Reject(SipRejectionKind.Malformed, problem), consumed);
    }

    private static string? Check(SipMessage message)
    {
        var known = message.Known;
        if (known.Error is not null)
        {
            return known.Error;
        }

        if (known.Vias.Count == 0 || known.From is null || known.To is null || known.CallId is null || known.CSeq is null)
        {
            return "a mandatory header (Via, From, To, Call-ID or CSeq) is missing";
        }

        if (message is SipRequest request)
        {
            if (known.CSeq.Method != request.Method)
            {
                return $"the CSeq method {known.CSeq.Method} differs from the request method {request.Method}";
            }

            if (request.RequestUri is SipUri { Headers.Count: > 0 })
            {
                return "the Request-URI must not carry headers";
            }
        }

        return null;
    }

    private static SipRequest? ParseRequestLine(string line, out string error)
    {
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        var secondSpace = firstSpace < 0 ? -1 : line.IndexOf(' ', firstSpace + 1);
        if (firstSpace <= 0 || secondSpace <= firstSpace + 1 || secondSpace == line.Length - 1 || line.IndexOf(' ', secondSpace + 1) >= 0)
        {
            error = "the request line is not 'Method SP Request-URI SP SIP-Version'";
            return null;
        }

        var method = line.AsSpan(0, firstSpace);
        if (!SipGrammar.IsToken(method))
        {
            error = "the method is not a token";
            return null;
        }

        var version = WireNames.Find(line.AsSpan(secondSpace + 1)) ?? line[(secondSpace + 1)..];
        if (!CheckVersion(version, out error))
        {
            return null;
        }

        if (!AddressUri.TryParse(line.AsSpan(firstSpace + 1, secondSpace - firstSpace - 1), out var uri, out error))
        {
            error = $"bad Request-URI: {error}";
            return null;
        }

        return new SipRequest(WireNames.Find(method) ?? method.ToString(), uri!) { Version = version };
    }

    private static SipResponse? ParseStatusLine(string line, out string error)
    {
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        var secondSpace = firstSpace < 0 ? -1 : line.IndexOf(' ', firstSpace + 1);
        if (secondSpace < 0)
        {
            error = "the status line is not 'SIP-Version SP Status-Code SP Reason-Phrase'";
            return null;
        }

        var version = line[..firstSpace];
        var codeText = line.AsSpan(firstSpace + 1, secondSpace - firstSpace - 1);
        if (!CheckVersion(version, out error))
        {
            return null;
        }

        if (codeText.Length != 3 || !int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 699)
        {
            error = "the status code is not between 100 and 699";
            return null;
        }

        return new SipResponse(code, line[(secondSpace + 1)..]) { Version = version };
    }

    private static bool CheckVersion(string version, out string error)
    {
        error = string.Empty;
        if (version == SipVersion.V2)
        {
            return true;
        }

        var slash = version.IndexOf('/', StringComparison.Ordinal);
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        var wellFormed = slash == 3 && version[..3].Equals("SIP", StringComparison.OrdinalIgnoreCase) && dot > slash + 1 && dot < version.Length - 1
            && !version.AsSpan(slash + 1, dot - slash - 1).ContainsAnyExceptInRange('0', '9')
            && !version.AsSpan(dot + 1).ContainsAnyExceptInRange('0', '9');
        error = wellFormed ? $"SIP version {version} is not supported" : $"'{version}' is not a SIP version";
        return wellFormed && version.Equals(SipVersion.V2, StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryReadField(ReadOnlyMemory<byte> raw, out SipHeader? header, out string error)
    {
        header = null;
        error = string.Empty;
        var field = raw.Span;
        var colon = field.IndexOf((byte)':');
        if (colon < 0)
        {
            error = "a header line has no ':'";
            return false;
        }

        var name = WireNames.Get(field[..colon].TrimEnd(" \t"u8));
        if (!SipGrammar.IsToken(name))
        {
            error = $"'{AddressUri.Shorten(name)}' is not a header name";
            return false;
        }

        header = new SipHeader(name, Unfold(field[(colon + 1)..]), raw);
        return true;
    }

    private static string Unfold(ReadOnlySpan<byte> value)
    {
        if (!value.Contains((byte)'\n'))
        {
            return Decode(value.Trim(" \t"u8));
        }

        var text = Decode(value).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        return text.Trim(' ', '\t');
    }

    private static bool TryGetBodyLength(HeaderList headers, out long? length, out string error)
    {
        length = null;
        error = string.Empty;
        var count = 0;
        foreach (var header in headers)
        {
            if (!header.Is(HeaderNames.ContentLength))
            {
                continue;
            }

            if (++count > 1)
            {
                error = "Content-Length appears more than once";
                return false;
            }

            var value = header.Value;
            if (value.StartsWith('-'))
            {
                length = -1;
                error = "Content-Length is negative";
                return false;
            }

            if (value.Length == 0 || value.AsSpan().ContainsAnyExceptInRange('0', '9') || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > int.MaxValue)
            {
                error = "Content-Length is not a number";
                return false;
            }

            length = parsed;
        }

        return true;
    }

    private static string? FirstToken(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var token = space < 0 ? line.AsSpan() : line.AsSpan(0, space);
        return SipGrammar.IsToken(token) ? WireNames.Find(token) ?? token.ToString() : null;
    }

    private static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
