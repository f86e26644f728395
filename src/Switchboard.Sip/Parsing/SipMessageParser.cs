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
        var start = input.IndexOfAnyExcept((byte)'\r', (byte)'\n');
        if (start < 0)
        {
            return framing == SipFraming.Stream
                ? SipParseResult.Incomplete(input.Length)
                : SipParseResult.Rejected(new SipRejection(SipRejectionKind.Unframeable, "the datagram holds no message"));
        }

        var message = input[start..];
        var sectionEnd = FindBlankLine(message, out var blankLength);
        var lines = message[..(sectionEnd < 0 ? message.Length : sectionEnd)].Count((byte)'\n');
        var sectionBytes = sectionEnd < 0 ? message.Length : sectionEnd;
        if (lines > limits.MaxHeaderFields + 1 || sectionBytes > limits.MaxHeaderBytes)
        {
            return SipParseResult.Rejected(new SipRejection(SipRejectionKind.Unframeable, "the header section is too large"));
        }

        if (sectionEnd < 0 && framing == SipFraming.Stream)
        {
            return SipParseResult.Incomplete(start);
        }

        var headerEnd = sectionEnd < 0 ? input.Length : start + sectionEnd + blankLength;
        return ParseFramed(input, start, start + sectionBytes, headerEnd, lines, framing, limits);
    }

    /// <summary>Where the first empty line (CRLF or a bare LF) starts, or -1; the start line is never empty.</summary>
    private static int FindBlankLine(ReadOnlySpan<byte> message, out int length)
    {
        var crlf = message.IndexOf("\n\r\n"u8);
        var lf = crlf < 0 ? message.IndexOf("\n\n"u8) : message[..(crlf + 1)].IndexOf("\n\n"u8);
        length = lf >= 0 ? 1 : 2;
        var at = lf >= 0 ? lf : crlf;
        return at < 0 ? -1 : at + 1;
    }

    /// <summary>Reads the start line and header fields of <c>input[start..sectionEnd]</c>, then frames the body after <paramref name="headerEnd"/>.</summary>
    private static SipParseResult ParseFramed(ReadOnlySpan<byte> input, int start, int sectionEnd, int headerEnd, int lines, SipFraming framing, SipParserLimits limits)
    {
        var section = input[start..sectionEnd];
        var position = 0;
        NextLine(section, ref position, out var lineStart, out var lineEnd);
        var startLineBytes = section[lineStart..lineEnd];
        var isRequest = !startLineBytes.StartsWith("SIP/"u8);
        var headers = new HeaderList(lines);
        var copyEnd = framing == SipFraming.Datagram ? input.Length : headerEnd;
        var copy = input[start..copyEnd].ToArray();
        string? headerError = null;
        while (NextLine(section, ref position, out var fieldStart, out var fieldEnd))
        {
            while (position < section.Length && section[position] is (byte)' ' or (byte)'\t')
            {
                NextLine(section, ref position, out _, out fieldEnd);
            }

            var field = copy.AsMemory(fieldStart, fieldEnd - fieldStart);
            if (!TryReadField(field, out var header, out var error))
            {
                headerError ??= error;
                continue;
            }

            headers.Add(header!);
        }

        SipRejection Reject(SipRejectionKind kind, string reason, ReadOnlySpan<byte> startLine) =>
            new(kind, reason) { IsRequest = isRequest, Method = isRequest ? FirstToken(startLine) : null, Headers = kind == SipRejectionKind.Unframeable ? null : headers };

        if (!TryGetBodyLength(headers, out var contentLength, out var lengthError))
        {
            return framing == SipFraming.Stream || contentLength < 0
                ? SipParseResult.Rejected(Reject(SipRejectionKind.Unframeable, lengthError, startLineBytes))
                : SipParseResult.Rejected(Reject(SipRejectionKind.Malformed, lengthError, startLineBytes), input.Length);
        }

        int bodyLength;
        if (contentLength is { } declared)
        {
            if (headerEnd - start + declared > limits.MaxMessageBytes)
            {
                return SipParseResult.Rejected(Reject(SipRejectionKind.Unframeable, "the message is larger than allowed", startLineBytes));
            }

            if (headerEnd + declared > input.Length)
            {
                if (framing == SipFraming.Stream)
                {
                    return SipParseResult.Incomplete(start);
                }

                return SipParseResult.Rejected(Reject(SipRejectionKind.Malformed, "Content-Length is larger than the body", startLineBytes), input.Length);
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
            return SipParseResult.Rejected(Reject(SipRejectionKind.Malformed, headerError, startLineBytes), consumed);
        }

        Span<char> startLine = startLineBytes.Length <= FieldValue.StackLimit ? stackalloc char[FieldValue.StackLimit] : new char[startLineBytes.Length];
        startLine = startLine[..Encoding.UTF8.GetChars(startLineBytes, startLine)];
        SipMessage? message = isRequest ? ParseRequestLine(startLine, headers, out var lineError) : ParseStatusLine(startLine, headers, out lineError);
        if (message is null)
        {
            var kind = lineError.StartsWith("SIP version", StringComparison.Ordinal) ? SipRejectionKind.VersionNotSupported : SipRejectionKind.Malformed;
            return SipParseResult.Rejected(Reject(kind, lineError, startLineBytes), consumed);
        }

        message.Body = headerEnd + bodyLength <= copyEnd
            ? copy.AsMemory(headerEnd - start, bodyLength)
            : input.Slice(headerEnd, bodyLength).ToArray();
        var problem = Check(message);
        return problem is null
            ? SipParseResult.Complete(message, consumed)
            : SipParseResult.Rejected(Reject(SipRejectionKind.Malformed, problem, startLineBytes), consumed);
    }

    /// <summary>
    /// The next line of <paramref name="section"/> from <paramref name="position"/>: its content (a CR before the LF
    /// excluded), moving past its LF; the last line may lack one. False at the end.
    /// </summary>
    private static bool NextLine(ReadOnlySpan<byte> section, ref int position, out int start, out int end)
    {
        start = position;
        if (position >= section.Length)
        {
            end = position;
            return false;
        }

        var newline = section[position..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            end = section.Length;
            position = section.Length;
            return true;
        }

        var lineEnd = position + newline;
        end = lineEnd > position && section[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        position = lineEnd + 1;
        return true;
    }

    private static string? Check(SipMessage message)
    {
        var known = message.Known;
        if (known.Error is not null)
        {
            return known.Error;
        }

        if (!known.HasAll(HeaderKind.Via, HeaderKind.From, HeaderKind.To, HeaderKind.CallId, HeaderKind.CSeq))
        {
            return "a mandatory header (Via, From, To, Call-ID or CSeq) is missing";
        }

        if (message is SipRequest request)
        {
            var cseq = known.CSeq!;
            if (cseq.Method != request.Method)
            {
                return $"the CSeq method {cseq.Method} differs from the request method {request.Method}";
            }

            if (request.RequestUri is SipUri { Headers.Count: > 0 })
            {
                return "the Request-URI must not carry headers";
            }
        }

        return null;
    }

    private static SipRequest? ParseRequestLine(ReadOnlySpan<char> line, HeaderList headers, out string error)
    {
        var firstSpace = line.IndexOf(' ');
        var secondSpace = firstSpace < 0 ? -1 : IndexOf(line, ' ', firstSpace + 1);
        if (firstSpace <= 0 || secondSpace <= firstSpace + 1 || secondSpace == line.Length - 1 || IndexOf(line, ' ', secondSpace + 1) >= 0)
        {
            error = "the request line is not 'Method SP Request-URI SP SIP-Version'";
            return null;
        }

        var method = line[..firstSpace];
        if (!SipGrammar.IsToken(method))
        {
            error = "the method is not a token";
            return null;
        }

        var version = line[(secondSpace + 1)..];
        if (!CheckVersion(version, out error))
        {
            return null;
        }

        if (!AddressUri.TryParse(line[(firstSpace + 1)..secondSpace], out var uri, out error))
        {
            error = $"bad Request-URI: {error}";
            return null;
        }

        return new SipRequest(WireNames.Find(method) ?? method.ToString(), uri!, headers) { Version = WireNames.Find(version) ?? version.ToString() };
    }

    private static SipResponse? ParseStatusLine(ReadOnlySpan<char> line, HeaderList headers, out string error)
    {
        var firstSpace = line.IndexOf(' ');
        var secondSpace = firstSpace < 0 ? -1 : IndexOf(line, ' ', firstSpace + 1);
        if (secondSpace < 0)
        {
            error = "the status line is not 'SIP-Version SP Status-Code SP Reason-Phrase'";
            return null;
        }

        var version = line[..firstSpace];
        var codeText = line[(firstSpace + 1)..secondSpace];
        if (!CheckVersion(version, out error))
        {
            return null;
        }

        if (codeText.Length != 3 || !int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 699)
        {
            error = "the status code is not between 100 and 699";
            return null;
        }

        return new SipResponse(code, line[(secondSpace + 1)..].ToString(), headers) { Version = WireNames.Find(version) ?? version.ToString() };
    }

    private static int IndexOf(ReadOnlySpan<char> line, char c, int from)
    {
        var at = line[from..].IndexOf(c);
        return at < 0 ? -1 : from + at;
    }

    private static bool CheckVersion(ReadOnlySpan<char> version, out string error)
    {
        error = string.Empty;
        if (version.SequenceEqual(SipVersion.V2))
        {
            return true;
        }

        var slash = version.IndexOf('/');
        var dot = version.IndexOf('.');
        var wellFormed = slash == 3 && version[..3].Equals("SIP", StringComparison.OrdinalIgnoreCase) && dot > slash + 1 && dot < version.Length - 1
            && !version[(slash + 1)..dot].ContainsAnyExceptInRange('0', '9')
            && !version[(dot + 1)..].ContainsAnyExceptInRange('0', '9');
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

        var nameBytes = field[..colon].TrimEnd(" \t"u8);
        var name = WireNames.Get(nameBytes, out var kind, out var isToken);
        if (!isToken && (nameBytes.IsEmpty || nameBytes.ContainsAnyExcept(SipGrammar.TokenBytes)))
        {
            error = $"'{AddressUri.Shorten(name)}' is not a header name";
            return false;
        }

        header = new SipHeader(name, raw, colon + 1, kind);
        return true;
    }

    private static bool TryGetBodyLength(HeaderList headers, out long? length, out string error)
    {
        length = null;
        error = string.Empty;
        var count = 0;
        Span<char> scratch = stackalloc char[32];
        foreach (var header in headers)
        {
            if (header.Kind != HeaderKind.ContentLength)
            {
                continue;
            }

            if (++count > 1)
            {
                error = "Content-Length appears more than once";
                return false;
            }

            var value = header.ReadValue(scratch);
            if (value.StartsWith('-'))
            {
                length = -1;
                error = "Content-Length is negative";
                return false;
            }

            if (value.Length == 0 || value.ContainsAnyExceptInRange('0', '9') || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > int.MaxValue)
            {
                error = "Content-Length is not a number";
                return false;
            }

            length = parsed;
        }

        return true;
    }

    private static string? FirstToken(ReadOnlySpan<byte> line)
    {
        var space = line.IndexOf((byte)' ');
        var token = space < 0 ? line : line[..space];
        return token.IsEmpty || token.ContainsAnyExcept(SipGrammar.TokenBytes) ? null : WireNames.Get(token, out _, out _);
    }
}
