namespace Assistant.Core.Ledger.Documents;

/// <summary>
/// What the statistics chart shows, every text already in the reader's language: a title naming the team, a line
/// with the date and the total, the figures a leader looks for first (<see cref="Highlights"/>), and one bar chart
/// per panel.
/// </summary>
public sealed record StatsChartData(string Title, string Subtitle, IReadOnlyList<StatsChartPanel> Panels)
{
    /// <summary>Short texts shown as badges under the title, e.g. the overdue count.</summary>
    public IReadOnlyList<StatsChartHighlight> Highlights { get; init; } = [];
}

/// <summary>One bar chart: its title and its bars, top to bottom.</summary>
public sealed record StatsChartPanel(string Title, IReadOnlyList<StatsChartBar> Bars);

/// <summary>One bar: its label, its count and how it stands out.</summary>
public sealed record StatsChartBar(string Label, int Count, ChartAccent Accent = ChartAccent.None);

/// <summary>A badge under the title.</summary>
public sealed record StatsChartHighlight(string Text, ChartAccent Accent);

/// <summary>How a bar or a badge stands out.</summary>
public enum ChartAccent
{
    /// <summary>Drawn like the others.</summary>
    None,

    /// <summary>Finished (closed items): green.</summary>
    Done,

    /// <summary>Past its deadline: red, the label and count in red.</summary>
    Overdue,

    /// <summary>A major accident hazard: amber, with a warning sign.</summary>
    MajorHazard,
}
