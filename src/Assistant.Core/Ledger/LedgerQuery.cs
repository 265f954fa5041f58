using Assistant.Core.Findings;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Ledger;

/// <summary>Which part of the ledger a list shows.</summary>
public enum LedgerScope
{
    /// <summary>Everything not yet closed.</summary>
    Active,

    Overdue,

    /// <summary>Due within the next seven days.</summary>
    DueSoon,

    Closed,
    All,
}

/// <summary>A ledger list as asked: scope and filters. Saved so that page buttons can refer to it by id.</summary>
public sealed class LedgerQuery
{
    public int Id { get; set; }

    public long OwnerId { get; set; }

    public LedgerScope Scope { get; set; }

    public RectificationStatus? Status { get; set; }

    /// <summary>Sectors any of which an item must be in (矿山 names two); empty for all.</summary>
    public List<Sector> Sectors { get; set; } = [];

    public Aspect? Aspect { get; set; }

    public Severity? Severity { get; set; }

    /// <summary>Words that must each appear in the city, the place, the unit inspected or the responsible unit.</summary>
    public List<string> Words { get; set; } = [];

    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// Reads ledger pages. Scopes are ranges of the ledger index (team, active/closed, deadline), read
/// lazily and stopped as soon as the page is full, so a page costs what it shows (plus what the
/// filters skip), not the size of the ledger. A contact's ledger is the index of their assignments.
/// </summary>
public sealed class LedgerQueries(AssistantDatabase db, FindingStore findings)
{
    public const string CollectionName = "ledger_queries";
    public const int PageSize = 8;

    private ILiteCollection<LedgerQuery> Queries => db.Collection<LedgerQuery>(CollectionName);

    public LedgerQuery Save(LedgerQuery query)
    {
        Queries.Insert(query);
        return query;
    }

    public LedgerQuery? Get(int id) => Queries.ById(id);

    /// <summary>One page for this reader; <c>More</c> says whether a next page exists.</summary>
    public (IReadOnlyList<Finding> Items, bool More) Page(LedgerQuery query, Member reader, DateOnly today, int page)
    {
        var matches = Read(query, reader, today).Where(f => LedgerService.MaySee(reader, f) && Matches(query, f));
        var items = matches.Skip(page * PageSize).Take(PageSize + 1).ToList();
        return (items.Take(PageSize).ToList(), items.Count > PageSize);
    }

    /// <summary>Every finding of the query this reader may see (exports and statistics).</summary>
    public IEnumerable<Finding> All(LedgerQuery query, Member reader, DateOnly today) =>
        Read(query, reader, today).Where(f => LedgerService.MaySee(reader, f) && Matches(query, f));

    private IEnumerable<Finding> Read(LedgerQuery query, Member reader, DateOnly today)
    {
        // A contact reads the items assigned to them; everyone else the team's.
        var contact = reader.Role == Role.Contact;
        var owner = contact ? LedgerKeys.ContactPrefix(reader.Id) : LedgerKeys.TeamPrefix(reader.TeamId);
        var (from, to) = query.Scope switch
        {
            LedgerScope.Overdue => LedgerKeys.Active(owner, to: today),
            LedgerScope.DueSoon => LedgerKeys.Active(owner, today, today.AddDays(8)),
            LedgerScope.Closed => LedgerKeys.Closed(owner),
            LedgerScope.All => LedgerKeys.All(owner),
            _ => LedgerKeys.Active(owner),
        };
        return contact ? findings.ContactLedgerRange(from, to) : findings.LedgerRange(from, to);
    }

    private static bool Matches(LedgerQuery q, Finding f) =>
        (q.Status is null || f.Status == q.Status)
        && (q.Sectors.Count == 0 || q.Sectors.Contains(f.Sector))
        && (q.Aspect is null || f.Aspect == q.Aspect)
        && (q.Severity is null || f.Severity == q.Severity)
        && q.Words.All(w => f.City.Contains(w, StringComparison.OrdinalIgnoreCase)
            || (f.Place?.Contains(w, StringComparison.OrdinalIgnoreCase) ?? false)
            || f.Unit.Contains(w, StringComparison.OrdinalIgnoreCase)
            || (f.ResponsibleUnit?.Contains(w, StringComparison.OrdinalIgnoreCase) ?? false));

    public static void EnsureSchema(ILiteDatabase database) =>
        SchemaSetup.EnsureIndexes(database, CollectionName, FieldIndex.On(nameof(LedgerQuery.OwnerId)));
}
