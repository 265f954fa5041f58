namespace Assistant.Core.Findings.Duplicates;

/// <summary>
/// Why a recorded finding looks like the one being saved: the parts of the score, each a reason a person can check
/// ("同一单位；描述相似度0.72").
/// </summary>
public sealed record DuplicateEvidence
{
    /// <summary>The score, 0 to 1; a duplicate from <see cref="DuplicateScorer.Threshold"/> up.</summary>
    public double Score { get; init; }

    public UnitMatch Unit { get; init; }

    /// <summary>How alike the descriptions are, 0 to 1 (weighted character bigrams, see <see cref="DuplicateScorer"/>).</summary>
    public double Description { get; init; }

    /// <summary>Whether the cities agree; null when one is not given.</summary>
    public bool? SameCity { get; init; }

    public bool SameSector { get; init; }

    public bool SameAspect { get; init; }

    /// <summary>Numbers with the same measure in both (8米 and 8米).</summary>
    public int SharedNumbers { get; init; }

    /// <summary>Both name a place by number and the numbers differ (3号库 and 5号库): different spots.</summary>
    public bool PlacesDiffer { get; init; }

    /// <summary>Both give a quantity of the same measure and the values differ (3具 and 5具).</summary>
    public bool QuantitiesDiffer { get; init; }

    /// <summary>The reasons in a line, in the reader's language: "同一单位；描述相似度0.72；行业相同".</summary>
    public string Describe(Texts t)
    {
        var parts = new List<string>();
        var unitReason = Unit switch
        {
            UnitMatch.Same => "duplicates.reason.same_unit",
            UnitMatch.Similar => "duplicates.reason.similar_unit",
            UnitMatch.Different => "duplicates.reason.other_unit",
            _ => null,
        };
        if (unitReason is not null)
        {
            parts.Add(t[unitReason]);
        }

        parts.Add(t.Format("duplicates.reason.description", Description.ToString("0.00", CultureInfo.InvariantCulture)));
        if (SameSector)
        {
            parts.Add(t["duplicates.reason.same_sector"]);
        }

        if (SharedNumbers > 0)
        {
            parts.Add(t["duplicates.reason.same_numbers"]);
        }

        if (PlacesDiffer)
        {
            parts.Add(t["duplicates.reason.places_differ"]);
        }
        else if (QuantitiesDiffer)
        {
            parts.Add(t["duplicates.reason.numbers_differ"]);
        }

        if (SameCity == false)
        {
            parts.Add(t["duplicates.reason.other_city"]);
        }

        return string.Join(t["duplicates.reason.separator"], parts);
    }
}

/// <summary>
/// The duplicate score of two findings, from their <see cref="FindingFeatures"/> and how alike their descriptions are.
/// The unit decides how much description is needed: the same registered unit needs a description about half alike,
/// a similar or anonymised name more, no unit nearly the same text; different units are never duplicates, however
/// alike the words (two companies of one park with the same fault are two findings). Numbers naming different places
/// (3号库, 5号库) rule a pair out; differing quantities count a little against, shared numbers a little for; the same
/// sector and aspect are weak evidence, a different city strong evidence against.
/// </summary>
internal static class DuplicateScorer
{
    /// <summary>From this score up a recorded finding is offered as the one being saved.</summary>
    public const double Threshold = 0.6;

    public static DuplicateEvidence Score(FindingFeatures probe, FindingFeatures other, double description)
    {
        var (unit, unitSimilarity) = UnitNames.Compare(probe.Unit, other.Unit);
        var score = unit switch
        {
            UnitMatch.Same => 0.32 + (0.70 * description),
            UnitMatch.Similar => 0.22 + (0.10 * unitSimilarity) + (0.70 * description),
            UnitMatch.Unknown => 0.10 + (0.70 * description),
            _ => 0.50 * description,
        };

        var sameCity = FindingFeatures.SameCity(probe.CityKeys, other.CityKeys);
        if (sameCity == false && unit != UnitMatch.Same)
        {
            score -= 0.20;
        }

        var sameSector = probe.Sector is { } s && s == other.Sector;
        // Weak, and only for: two members often file one hazard under different sectors (a hotel's fire door: 消防 or 人员密集场所).
        score += sameSector ? 0.04 : 0;
        var sameAspect = probe.Aspect is { } a && a == other.Aspect;
        score += sameAspect ? 0.02 : 0;

        var (shared, placesDiffer, quantitiesDiffer) = CompareNumbers(probe.Numbers, other.Numbers);
        score += Math.Min(shared, 2) * 0.03;
        score -= placesDiffer ? 0.50 : quantitiesDiffer ? 0.03 : 0;

        return new DuplicateEvidence
        {
            Score = Math.Clamp(score, 0, 1),
            Unit = unit,
            Description = description,
            SameCity = sameCity,
            SameSector = sameSector,
            SameAspect = sameAspect,
            SharedNumbers = shared,
            PlacesDiffer = placesDiffer,
            QuantitiesDiffer = quantitiesDiffer,
        };
    }

    /// <summary>
    /// Numbers with the same measure in both and the same value (shared); a measure in both with no value in common:
    /// a place measure means different places, a quantity different counts.
    /// </summary>
    internal static (int Shared, bool PlacesDiffer, bool QuantitiesDiffer) CompareNumbers(NumberToken[] a, NumberToken[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return (0, false, false);
        }

        // Every pair of candidates comes through here: plain loops over the few numbers of each, nothing allocated.
        var shared = 0;
        var placesDiffer = false;
        var quantitiesDiffer = false;
        for (var i = 0; i < a.Length; i++)
        {
            var measure = a[i].Measure;
            if (IndexOfMeasure(a, measure) != i || IndexOfMeasure(b, measure) < 0)
            {
                continue; // a measure is taken at its first number in a, and only when b has it too
            }

            var common = 0;
            for (var j = i; j < a.Length; j++)
            {
                if (a[j].Measure == measure && HasNumber(b, measure, a[j].Value))
                {
                    common++;
                }
            }

            shared += common;
            if (common == 0 && measure.Length > 0)
            {
                if (a[i].Place)
                {
                    placesDiffer = true;
                }
                else
                {
                    quantitiesDiffer = true;
                }
            }
        }

        return (shared, placesDiffer, quantitiesDiffer);
    }

    private static int IndexOfMeasure(NumberToken[] numbers, string measure)
    {
        for (var i = 0; i < numbers.Length; i++)
        {
            if (numbers[i].Measure == measure)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasNumber(NumberToken[] numbers, string measure, string value)
    {
        foreach (var number in numbers)
        {
            if (number.Measure == measure && number.Value == value)
            {
                return true;
            }
        }

        return false;
    }
}
