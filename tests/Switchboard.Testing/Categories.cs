namespace Switchboard.Testing;

/// <summary>Test categories, used as <c>[Trait("Category", Categories.Interop)]</c> so <c>./test.sh --fast</c> can leave slow tests out.</summary>
public static class Categories
{
    /// <summary>Slow tests against real external peers (SIPp, baresip, PostgreSQL, Node oracles, SMTP servers).</summary>
    public const string Interop = "Interop";
}
