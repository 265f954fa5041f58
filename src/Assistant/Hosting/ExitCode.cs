namespace Assistant.Hosting;

/// <summary>The process exit code when the host stopped for a reason of its own (set by the channel).</summary>
public sealed class ExitCode
{
    public int? Value { get; set; }
}
