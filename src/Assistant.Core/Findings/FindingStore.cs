using Assistant.Core.Storage;
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

    public Finding? Get(int id) => FindingCollection.FindById(id);

    public Finding? GetByCode(string code) => FindingCollection.FindOne(Query.EQ(nameof(Finding.Code), code.Trim().ToUpperInvariant()));

    public void Insert(Finding finding) => FindingCollection.Insert(finding);

    public void Update(Finding finding) => FindingCollection.Update(finding);

    /// <summary>A team's findings recorded on a day (team time), oldest first.</summary>
    public IReadOnlyList<Finding> OnDay(int teamId, DateOnly day) =>
        FindingCollection.Find(Query.EQ(nameof(Finding.Day), new BsonValue(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))
            .Where(f => f.TeamId == teamId).OrderBy(f => f.Number).ToList();

    public IReadOnlyList<Finding> ByAuthor(int teamId, long authorId) =>
        FindingCollection.Find(Query.EQ(nameof(Finding.AuthorId), authorId))
            .Where(f => f.TeamId == teamId).OrderByDescending(f => f.Number).ToList();

    public IReadOnlyList<Finding> OfTeam(int teamId) =>
        FindingCollection.Find(Query.EQ(nameof(Finding.TeamId), teamId)).OrderBy(f => f.Number).ToList();

    public void AddChange(FindingChange change) => ChangeCollection.Insert(change);

    public IReadOnlyList<FindingChange> ChangesOf(int findingId) =>
        ChangeCollection.Find(Query.EQ(nameof(FindingChange.FindingId), findingId)).OrderBy(c => c.Id).ToList();

    public TeamVocabulary VocabularyOf(int teamId) => VocabularyCollection.FindById(teamId) ?? new TeamVocabulary { Id = teamId };

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

    public static void EnsureSchema(ILiteDatabase database)
    {
        var findings = database.GetCollection<Finding>(Findings);
        findings.EnsureIndex(x => x.TeamId);
        findings.EnsureIndex(x => x.Day);
        findings.EnsureIndex(x => x.AuthorId);
        findings.EnsureIndex(x => x.Code, unique: true);
        database.GetCollection<FindingChange>(Changes).EnsureIndex(x => x.FindingId);
        database.Mapper.Entity<TeamVocabulary>().Id(x => x.Id, autoId: false);
    }
}

/// <summary>Units and cities a team has used, most recent first (offered as buttons).</summary>
public sealed class TeamVocabulary
{
    public int Id { get; set; }

    public List<string> Units { get; set; } = [];

    public List<string> Cities { get; set; } = [];
}
