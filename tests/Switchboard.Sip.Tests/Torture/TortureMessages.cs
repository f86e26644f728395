using Switchboard.Testing;

namespace Switchboard.Sip.Tests.Torture;

/// <summary>The 49 RFC 4475 messages, read as bytes from the shared folder, and what an endpoint must do with each (the folder's README table).</summary>
internal static class TortureMessages
{
    /// <summary>No answer at all: the message is dropped.</summary>
    public const int Discard = 0;

    /// <summary>TCP only: the connection is closed without an answer.</summary>
    public const int Close = -1;

    public static string Folder => Path.Combine(RepoPaths.Shared, "testdata", "rfc4475");

    /// <summary>File name → (parses?, answer over UDP, answer over TCP). 404 is the test UAS refusing every INVITE; 405 is "processed" for a non-registrar; 481 is an in-dialog request (To tag) matching no dialog.</summary>
    public static readonly IReadOnlyDictionary<string, (bool Parses, int Udp, int Tcp)> Expected = new Dictionary<string, (bool, int, int)>
    {
        ["wsinv"] = (true, 481, 481),
        ["intmeth"] = (true, 501, 501),
        ["esc01"] = (true, 404, 404),
        ["escnull"] = (true, 405, 405),
        ["esc02"] = (true, 501, 501),
        ["lwsdisp"] = (true, 200, 200),
        ["longreq"] = (true, 404, 404),
        ["dblreq"] = (true, 405, 405),
        ["semiuri"] = (true, 200, 200),
        ["transports"] = (true, 200, 200),
        ["mpart01"] = (true, 405, 405),
        ["unreason"] = (true, Discard, Discard),
        ["noreason"] = (true, Discard, Discard),
        ["badinv01"] = (false, 400, 400),
        ["clerr"] = (false, 400, Close),
        ["ncl"] = (false, Discard, Close),
        ["scalar02"] = (false, 400, 400),
        ["scalarlg"] = (false, Discard, Discard),
        ["quotbal"] = (false, 400, 400),
        ["ltgtruri"] = (false, 400, 400),
        ["lwsruri"] = (false, 400, 400),
        ["lwsstart"] = (false, 400, 400),
        ["trws"] = (false, 400, 400),
        ["escruri"] = (false, 400, 400),
        ["baddate"] = (true, 404, 404),
        ["regbadct"] = (false, 400, 400),
        ["badaspec"] = (false, 400, 400),
        // The archive's baddn.dat ends without the blank line that closes the header section: a datagram ends there,
        // but on a stream the message is unfinished, so the connection idles out.
        ["baddn"] = (false, 400, Close),
        ["badvers"] = (false, 505, 505),
        ["mismatch01"] = (false, 400, 400),
        ["mismatch02"] = (false, 501, 501),
        ["bigcode"] = (false, Discard, Discard),
        ["badbranch"] = (true, 200, 200),
        ["insuf"] = (false, 400, 400),
        ["unkscm"] = (true, 416, 416),
        ["novelsc"] = (true, 416, 416),
        ["unksm2"] = (true, 405, 405),
        ["bext01"] = (true, 420, 420),
        ["invut"] = (true, 415, 415),
        ["regaut01"] = (true, 405, 405),
        ["multi01"] = (false, 400, 400),
        ["mcl01"] = (false, 400, Close),
        ["bcast"] = (true, Discard, Discard),
        ["zeromf"] = (true, 200, 200),
        ["cparam01"] = (true, 405, 405),
        ["cparam02"] = (true, 405, 405),
        ["regescrt"] = (true, 405, 405),
        ["sdp01"] = (true, 406, 406),
        ["inv2543"] = (true, 404, 404),
    };

    public static TheoryData<string> Names => [.. Expected.Keys];

    public static byte[] Read(string name)
    {
        var path = Path.Combine(Folder, name + ".dat");
        Assert.True(File.Exists(path), $"{path} is missing; the RFC 4475 messages belong in {Folder}.");
        return File.ReadAllBytes(path);
    }
}
