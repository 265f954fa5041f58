using LiteDB;

namespace Assistant.Core.Findings;

/// <summary>Findings, their change history and each team's vocabulary (units and places already used).</summary>
public sealed class FindingStore(AssistantDatabase db)
{
    public const string Findings = "findings";
    public const string Changes = "finding_changes";
    public const string Vocabulary = "team_vocabulary";
    private const int VocabularySize = 20;

    private ILiteCollection<Finding> FindingCollection => db.Collection<Finding>(Findings);

    private ILiteCollection<FindingChange> ChangeCollection => db.Collection<FindingChange>(Changes);

    private ILiteCollection<TeamVocabulary> VocabularyCollection => db.Collection<TeamVocabulary>(Vocabulary);

    public Finding? Get(int id) => FindingCollection.ById(id);

    public Finding? GetByCode(string code) => FindingCollection.FindOne(Where.Eq(nameof(Finding.Code), code.Trim().ToUpperInvariant()));

    /// <summary>
    /// Raised after a finding is inserted or updated, inside the writer's transaction (which may still roll back):
    /// what keeps an index of findings current (see <see cref="Duplicates.DuplicateDetector"/>).
    /// </summary>
    public event Action<Finding>? Saved;

    public void Insert(Finding finding)
    {
        FindingText.ScrubIdentities(finding);
        SetKeys(finding);
        FindingCollection.Insert(finding);
        Saved?.Invoke(finding);
    }

    public void Update(Finding finding)
    {
        FindingText.ScrubIdentities(finding);
        SetKeys(finding);
        FindingCollection.Update(finding);
        Saved?.Invoke(finding);
    }

    /// <summary>
    /// Findings whose team ledger key lies between the bounds, in key order, read lazily. The bounds
    /// are key prefixes (see <see cref="Ledger.LedgerKeys"/>) that no key equals, so this is [from, to).
    /// </summary>
    public IEnumerable<Finding> LedgerRange(string from, string to) =>
        FindingCollection.Find(Where.Between(nameof(Finding.LedgerKey), from, to));

    /// <summary>The same over the responsible contacts' keys: one contact's items, in ledger order.</summary>
    public IEnumerable<Finding> ContactLedgerRange(string from, string to) =>
        FindingCollection.Find(Where.Between(nameof(Finding.ContactLedgerKey), from, to));

    /// <summary>A team's findings recorded on a day (team time), oldest first.</summary>
    public IReadOnlyList<Finding> OnDay(int teamId, DateOnly day) =>
        FindingCollection.Find(Where.Eq(nameof(Finding.Day), new BsonValue(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))
            .Where(f => f.TeamId == teamId).OrderBy(f => f.Number).ToList();

    public IReadOnlyList<Finding> ByAuthor(int teamId, long authorId) =>
        FindingCollection.Find(Where.Eq(nameof(Finding.AuthorId), authorId))
            .Where(f => f.TeamId == teamId).OrderByDescending(f => f.Number).ToList();

    /// <summary>The author's latest finding recorded on a day (team time), or null: where the flow takes their defaults from.</summary>
    public Finding? LastOfDay(int teamId, long authorId, DateOnly day) =>
        FindingCollection.Find(Where.Eq(nameof(Finding.AuthorDayKey), AuthorDayKey(teamId, authorId, day))).MaxBy(f => f.Number);

    public IReadOnlyList<Finding> OfTeam(int teamId) =>
        FindingCollection.Find(Where.Eq(nameof(Finding.TeamId), teamId)).OrderBy(f => f.Number).ToList();

    /// <summary>Keeps one change of one field in the finding's history: who, when, old and new.</summary>
    public void AddChange(Finding finding, Teams.Member by, DateTime utc, string field, string? oldValue, string? newValue) =>
        ChangeCollection.Insert(new FindingChange
        {
            FindingId = finding.Id,
            TeamId = finding.TeamId,
            UserId = by.Id,
            UserName = by.DisplayName,
            TimeUtc = utc,
            Field = field,
            OldValue = FindingText.ScrubChange(field, oldValue),
            NewValue = FindingText.ScrubChange(field, newValue),
        });

    public IReadOnlyList<FindingChange> ChangesOf(int findingId) =>
        ChangeCollection.Find(Where.Eq(nameof(FindingChange.FindingId), findingId)).OrderBy(c => c.Id).ToList();

    public TeamVocabulary VocabularyOf(int teamId) => VocabularyCollection.ById(teamId) ?? new TeamVocabulary { Id = teamId };

    /// <summary>Puts the unit and city first in the team's lists of recently used ones.</summary>
    public void Remember(int teamId, string? unit, string? city)
    {
        var vocabulary = VocabularyOf(teamId);
        Promote(vocabulary.Units, unit);
        Promote(vocabulary.Cities, city);
        VocabularyCollection.Upsert(vocabulary);
    }

    private static void Promote(List<string> list, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        list.Remove(value);
        list.Insert(0, value);
        if (list.Count > VocabularySize)
        {
            list.RemoveRange(VocabularySize, list.Count - VocabularySize);
        }
    }

    private static void SetKeys(Finding finding)
    {
        finding.LedgerKey = Ledger.LedgerKeys.For(finding);
        finding.ContactLedgerKey = Ledger.LedgerKeys.ForContact(finding);
        finding.AuthorDayKey = AuthorDayKey(finding.TeamId, finding.AuthorId, finding.Day);
    }

    private static string AuthorDayKey(int teamId, long authorId, DateOnly day) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{teamId}|{authorId}|{day:yyyyMMdd}");

    /// <summary>
    /// Data migration 1: findings and history written before their texts were scrubbed on every save may still hold a
    /// tipster's identity until they are next saved. Scrubs every stored finding's free texts (<see cref="FindingText"/>)
    /// and every value of their change history, once; returns how many rows changed.
    /// </summary>
    public static int ScrubStoredTexts(ILiteDatabase database)
    {
        var changed = 0;
        var findings = database.GetCollection<Finding>(Findings);
        foreach (var finding in findings.FindAll().ToList())
        {
            var before = JsonSerializer.Serialize(database.Mapper.ToDocument(finding));
            FindingText.ScrubIdentities(finding);
            if (JsonSerializer.Serialize(database.Mapper.ToDocument(finding)) != before)
            {
                SetKeys(finding);
                findings.Update(finding);
                changed++;
            }
        }

        var changes = database.GetCollection<FindingChange>(Changes);
        foreach (var change in changes.FindAll().ToList())
        {
            var oldValue = FindingText.ScrubChange(change.Field, change.OldValue);
            var newValue = FindingText.ScrubChange(change.Field, change.NewValue);
            if (oldValue != change.OldValue || newValue != change.NewValue)
            {
                change.OldValue = oldValue;
                change.NewValue = newValue;
                changes.Update(change);
                changed++;
            }
        }

        return changed;
    }

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.EnsureIndexes(database, Findings,
            FieldIndex.On(nameof(Finding.TeamId)),
            FieldIndex.On(nameof(Finding.Day)),
            FieldIndex.On(nameof(Finding.AuthorId)),
            FieldIndex.UniqueOn(nameof(Finding.Code)),
            FieldIndex.On(nameof(Finding.LedgerKey)),
            FieldIndex.On(nameof(Finding.ContactLedgerKey)),
            FieldIndex.On(nameof(Finding.AuthorDayKey)));
        SchemaSetup.EnsureIndexes(database, Changes, FieldIndex.On(nameof(FindingChange.FindingId)));
        SchemaSetup.AssignedIds<TeamVocabulary>(database);
        SchemaSetup.EnsureCollection(database, Vocabulary);
    }
}

/// <summary>Units and cities a team has used, most recent first (offered as buttons).</summary>
public sealed class TeamVocabulary
{
    public int Id { get; set; }

    public List<string> Units { get; set; } = [];

    public List<string> Cities { get; set; } = [];
}
