using System.Text;

namespace Switchboard.Cli;

/// <summary>
/// Lines of standard input as a Unix tool counts them: split at <c>\n</c> only, a trailing <c>\r</c> dropped, a last
/// line without a newline still a line. (<see cref="TextReader.ReadLine"/> would also split at a lone <c>\r</c>.)
/// </summary>
internal static class InputLines
{
    public static IEnumerable<string> Read(TextReader reader)
    {
        var line = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var chunk = buffer.AsMemory(0, read);
            int newline;
            while ((newline = chunk.Span.IndexOf('\n')) >= 0)
            {
                line.Append(chunk.Span[..newline]);
                yield return Finish(line);
                chunk = chunk[(newline + 1)..];
            }

            line.Append(chunk.Span);
        }

        if (line.Length > 0)
        {
            yield return Finish(line);
        }
    }

    private static string Finish(StringBuilder line)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        var text = line.ToString();
        line.Clear();
        return text;
    }
}
