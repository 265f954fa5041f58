// Two capabilities in a namespace of their own, for proving that DependencyRuleTests can fail: Findings here uses
// Summaries (an upward use) only inside a method body.
namespace Assistant.Tests.Architecture.Synthetic.Findings
{
    /// <summary>A lower capability that reaches up.</summary>
    public static class SyntheticFinding
    {
        public static int Length(string text) => Summaries.SyntheticUser.Shout(text).Length;
    }
}

namespace Assistant.Tests.Architecture.Synthetic.Summaries
{
    /// <summary>A higher capability.</summary>
    public static class SyntheticUser
    {
        public static string Shout(string text) => text.ToUpperInvariant();

        public static int Measure(string text) => Findings.SyntheticFinding.Length(text);
    }
}
