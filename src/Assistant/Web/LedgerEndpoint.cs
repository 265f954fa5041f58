using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Assistant.Web;

/// <summary>One row of the ledger table.</summary>
public sealed record LedgerRowView(
    string Code,
    string Unit,
    string Sector,
    string Aspect,
    string Severity,
    bool Major,
    bool Covert,
    string Status,
    string StatusValue,
    string? Deadline,
    string DeadlineLabel,
    int DaysOverdue);

/// <summary>A page of the ledger table and where it is in the whole list.</summary>
public sealed record LedgerPageView(IReadOnlyList<LedgerRowView> Items, int Total, int Page, int PageSize, int Pages, string Sort, string Dir);

/// <summary>
/// <c>GET api/ledger</c>: the ledger as a table. Filters as <c>/ledger</c> takes them (<c>q</c>, read by
/// <see cref="LedgerFilter"/>) or as choices (<c>scope</c>, <c>status</c>, <c>sector</c>, <c>aspect</c>,
/// <c>severity</c>, <c>city</c>), then <c>sort</c>, <c>dir</c>, <c>page</c>, <c>size</c>. What the reader may see
/// only: <see cref="LedgerQueries"/> applies the chat's rules.
/// </summary>
public sealed class LedgerEndpoint(LedgerTable table, TextCatalog catalog)
{
    public const int MaxQueryLength = 2000;
    public const int MaxWordsLength = 200;
    public const int MaxWords = 10;
    public const int DefaultPageSize = 20;
    public const int MaxPage = 10_000;

    private static readonly string[] Known =
    [
        LedgerFilter.WordsParameter, LedgerFilter.ScopeParameter, LedgerFilter.StatusParameter, LedgerFilter.SectorParameter,
        LedgerFilter.AspectParameter, LedgerFilter.SeverityParameter, "city", "sort", "dir", "page", "size",
    ];

    /// <summary>The sort names of the API and the columns they sort by.</summary>
    public static readonly IReadOnlyDictionary<string, LedgerSort> Sorts = new Dictionary<string, LedgerSort>(StringComparer.Ordinal)
    {
        ["ledger"] = LedgerSort.Ledger,
        ["number"] = LedgerSort.Number,
        ["unit"] = LedgerSort.Unit,
        ["sector"] = LedgerSort.Sector,
        ["aspect"] = LedgerSort.Aspect,
        ["severity"] = LedgerSort.Severity,
        ["status"] = LedgerSort.Status,
        ["deadline"] = LedgerSort.Deadline,
        ["overdue"] = LedgerSort.DaysOverdue,
    };

    public IResult Handle(HttpContext http, WebCaller caller)
    {
        var t = caller.T;
        if ((http.Request.QueryString.Value?.Length ?? 0) > MaxQueryLength)
        {
            return WebReply.Error(StatusCodes.Status414UriTooLong, "query_too_long", t["web.error.query_too_long"]);
        }

        var request = http.Request.Query;
        foreach (var (name, values) in request)
        {
            if (!Known.Contains(name, StringComparer.Ordinal) || (values.Count > 1 && name != LedgerFilter.SectorParameter))
            {
                return BadParameter(t, name);
            }
        }

        IReadOnlyList<string> Values(string name) => [.. request[name].Select(v => TypedText.Clean(v) ?? "")];
        var words = string.Join(' ', Values(LedgerFilter.WordsParameter).Concat(Values("city")));
        if (words.Length > MaxWordsLength || words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWords)
        {
            return WebReply.Error(StatusCodes.Status400BadRequest, "too_many_words", t.Plain("web.error.too_many_words", MaxWordsLength, MaxWords));
        }

        var other = catalog.For(t.Language == Language.English ? Language.Chinese : Language.English);
        var query = LedgerFilter.FromParameters(name => name == LedgerFilter.WordsParameter ? [words] : Values(name), t, other, out var invalid);
        if (query is null)
        {
            return BadParameter(t, invalid!);
        }

        var sortName = Single(request, "sort") ?? "ledger";
        var dir = Single(request, "dir") ?? "asc";
        if (!Sorts.TryGetValue(sortName, out var sort))
        {
            return BadParameter(t, "sort");
        }

        if (dir is not ("asc" or "desc"))
        {
            return BadParameter(t, "dir");
        }

        if (Number(request, "page", 0, MaxPage, 0) is not { } page)
        {
            return BadParameter(t, "page");
        }

        if (Number(request, "size", 1, LedgerTable.MaxPageSize, DefaultPageSize) is not { } size)
        {
            return BadParameter(t, "size");
        }

        var result = table.Read(query, caller.Member, caller.Today, sort, dir == "desc", page, size, t.Culture);
        return WebReply.Ok(new LedgerPageView(
            [.. result.Items.Select(f => Row(t, f, caller.Today))],
            result.Total,
            result.Page,
            result.PageSize,
            result.Pages,
            sortName,
            dir));
    }

    /// <summary>A row of the list. Lists are what a screen shows at a glance: the unit is cleared of anything that identifies a person, as in the chat's lists.</summary>
    public static LedgerRowView Row(Texts t, Finding f, DateOnly today) => new(
        f.Code,
        IdentityScrubber.Scrub(f.Unit),
        WebTexts.Sector(t, f),
        t[f.Aspect.ShortKey()],
        t[f.Severity.Key()],
        f.Severity == Severity.MajorHazard,
        f.Covert,
        t[f.Status.Key()],
        f.Status.ToString(),
        f.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        f.Deadline is { } d ? FindingCard.Date(t, d) : t["ledger.no_deadline"],
        f.DaysOverdue(today));

    private static IResult BadParameter(Texts t, string name) =>
        WebReply.Error(StatusCodes.Status400BadRequest, "bad_parameter", t.Plain("web.error.bad_parameter", Shorten(name)));

    private static string? Single(IQueryCollection query, string name) => query.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;

    private static int? Number(IQueryCollection query, string name, int min, int max, int fallback)
    {
        if (!query.TryGetValue(name, out StringValues values))
        {
            return fallback;
        }

        return int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;
    }

    private static string Shorten(string name)
    {
        var clean = TypedText.Clean(name) ?? "";
        return TextPreview.Shorten(clean, 30);
    }
}
