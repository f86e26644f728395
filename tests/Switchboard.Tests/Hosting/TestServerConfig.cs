using System.Text.Json;

namespace Switchboard.Tests.Hosting;

/// <summary>
/// A temporary settings file and data directory for one test's server or CLI run, deleted afterwards. HTTP and SIP listen on
/// ephemeral loopback ports unless <c>settings</c> replaces the <c>Http</c> or <c>Sip</c> section, so tests never clash on
/// 5060 or with each other.
/// </summary>
public sealed class TestServerConfig : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"switchboard-host-{Guid.NewGuid():N}");

    public TestServerConfig(Dictionary<string, object> settings)
    {
        Directory.CreateDirectory(_root);
        var all = new Dictionary<string, object>
        {
            ["Http"] = new { Urls = "http://127.0.0.1:0" },
            ["Sip"] = new { Listen = new[] { "udp:127.0.0.1:0" } },
            ["Storage"] = new { DataDirectory = DataDirectory },
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        System.IO.File.WriteAllText(File.FullName, JsonSerializer.Serialize(all));
    }

    public string DataDirectory => Path.Combine(_root, "data");

    public FileInfo File => new(Path.Combine(_root, "settings.json"));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
