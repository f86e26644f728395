namespace Switchboard.Media.Tests.Sdp;

/// <summary>The sample offers in Sdp/Offers: what SIPp, baresip, Asterisk, FreeSWITCH, 3CX and an old desk phone send.</summary>
internal static class OfferFiles
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Sdp", "Offers");

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Folder, "*.sdp").Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileName(path));
        }

        return names;
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));
}
