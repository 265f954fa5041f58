using System.Buffers;

namespace Assistant.Core.Findings.Duplicates;

/// <summary>
/// One team's findings as the duplicate detector searches them: an inverted index from description bigram to the
/// findings holding it, with inverse document frequencies, so a check reads the posting lists of the new text's
/// bigrams instead of every finding. Not thread-safe: <see cref="DuplicateDetector"/> locks it.
/// </summary>
/// <remarks>
/// A bigram's weight is its inverse document frequency, ln(1 + N / df): the field's boilerplate (存在, 未按, 问题)
/// counts little, the words that make a finding (储罐, 防火间距, 喷淋) much. Two descriptions are alike by the larger
/// of the cosine of their weighted bigram sets and 0.8 × their containment (the shared weight over the smaller
/// text's), so a short note and a long write-up of the same hazard still meet. A finding's norm is computed with the
/// weights of when it was added and all norms again when the team has grown or shrunk by a tenth.
/// </remarks>
internal sealed class TeamDuplicateIndex
{
    /// <summary>Below this description similarity no unit can lift a pair to the threshold (see <see cref="DuplicateScorer"/>).</summary>
    public const double DescriptionFloor = 0.2;

    private readonly List<FindingFeatures?> _slots = [];
    private readonly List<double> _norms = [];
    private readonly Dictionary<int, int> _slotOf = [];
    private readonly Dictionary<int, List<int>> _postings = [];
    private readonly Dictionary<int, int> _df = [];
    private int _live;
    private int _normsAt;

    public TeamDuplicateIndex(int teamId) => TeamId = teamId;

    public int TeamId { get; }

    public int Count => _live;

    /// <summary>When a check last used it (for dropping the least recently used team's index).</summary>
    public long LastUsed { get; set; }

    public bool Contains(int findingId, string content) =>
        _slotOf.TryGetValue(findingId, out var slot) && _slots[slot]!.Content == content;

    public void Add(FindingFeatures features)
    {
        Remove(features.Id);
        Insert(features);
        _norms.Add(Norm(features.Terms));
        if (Math.Abs(_live - _normsAt) > Math.Max(20, _normsAt / 10))
        {
            RecomputeNorms();
        }
    }

    /// <summary>Adds many at once (the lazy build), computing the norms once at the end.</summary>
    public void AddAll(IEnumerable<FindingFeatures> all)
    {
        foreach (var features in all)
        {
            Remove(features.Id);
            Insert(features);
            _norms.Add(0);
        }

        RecomputeNorms();
    }

    private void Insert(FindingFeatures features)
    {
        var slot = _slots.Count;
        _slots.Add(features);
        _slotOf[features.Id] = slot;
        foreach (var term in features.Terms)
        {
            if (!_postings.TryGetValue(term, out var list))
            {
                list = [];
                _postings[term] = list;
            }

            list.Add(slot);
            _df[term] = _df.GetValueOrDefault(term) + 1;
        }

        _live++;
    }

    public void Remove(int findingId)
    {
        if (!_slotOf.Remove(findingId, out var slot))
        {
            return;
        }

        foreach (var term in _slots[slot]!.Terms)
        {
            _df[term]--;
        }

        _slots[slot] = null;
        _live--;

        // Dead slots stay in the posting lists until they are a quarter of all.
        if (_slots.Count > 64 && _live < _slots.Count * 3 / 4)
        {
            Compact();
        }
    }

    /// <summary>Every indexed finding whose description is at least <see cref="DescriptionFloor"/> alike, with that similarity.</summary>
    public List<(FindingFeatures Features, double Description)> Alike(FindingFeatures probe)
    {
        var found = new List<(FindingFeatures, double)>();
        if (_live == 0 || probe.Terms.Length == 0)
        {
            return found;
        }

        var dots = ArrayPool<double>.Shared.Rent(_slots.Count);
        try
        {
            Array.Clear(dots, 0, _slots.Count);
            var probeNorm2 = 0.0;
            foreach (var term in probe.Terms)
            {
                var weight = Idf(term);
                var w2 = weight * weight;
                probeNorm2 += w2;
                if (_postings.TryGetValue(term, out var list))
                {
                    foreach (var slot in list)
                    {
                        dots[slot] += w2;
                    }
                }
            }

            for (var slot = 0; slot < _slots.Count; slot++)
            {
                if (dots[slot] <= 0 || _slots[slot] is not { } features)
                {
                    continue;
                }

                var similarity = Similarity(dots[slot], probeNorm2, _norms[slot] * _norms[slot]);
                if (similarity >= DescriptionFloor)
                {
                    found.Add((features, similarity));
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(dots);
        }

        return found;
    }

    /// <summary>How alike two descriptions are under this team's weights (for a finding re-read from the database).</summary>
    public double Description(FindingFeatures a, FindingFeatures b)
    {
        var dot = 0.0;
        int i = 0, j = 0;
        while (i < a.Terms.Length && j < b.Terms.Length)
        {
            if (a.Terms[i] == b.Terms[j])
            {
                var w = Idf(a.Terms[i]);
                dot += w * w;
                i++;
                j++;
            }
            else if (a.Terms[i] < b.Terms[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        var na = Norm(a.Terms);
        var nb = Norm(b.Terms);
        return dot <= 0 ? 0 : Similarity(dot, na * na, nb * nb);
    }

    private static double Similarity(double dot, double norm2A, double norm2B)
    {
        var cosine = dot / Math.Sqrt(norm2A * norm2B);
        var containment = dot / Math.Min(norm2A, norm2B);
        return Math.Min(1, Math.Max(cosine, 0.8 * containment));
    }

    private double Idf(int term)
    {
        var df = _df.GetValueOrDefault(term);
        return Math.Log(1 + ((_live + 1.0) / (df + 1.0)));
    }

    private double Norm(int[] terms)
    {
        var sum = 0.0;
        foreach (var term in terms)
        {
            var w = Idf(term);
            sum += w * w;
        }

        return Math.Sqrt(sum);
    }

    private void RecomputeNorms()
    {
        for (var slot = 0; slot < _slots.Count; slot++)
        {
            _norms[slot] = _slots[slot] is { } features ? Norm(features.Terms) : 0;
        }

        _normsAt = _live;
    }

    private void Compact()
    {
        var live = _slots.Where(s => s is not null).Cast<FindingFeatures>().ToList();
        _slots.Clear();
        _norms.Clear();
        _slotOf.Clear();
        _postings.Clear();
        _df.Clear();
        _live = 0;
        AddAll(live);
    }
}
