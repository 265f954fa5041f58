using Assistant.Core.Jobs;
using LiteDB;

namespace Assistant.Core.Findings;

/// <summary>
/// Downloads a saved finding's evidence into <c>files/</c> beside the database, when the channel can
/// serve it. The file id is kept either way, so evidence can always be sent again through Telegram.
/// </summary>
public sealed class EvidenceDownloads(JobStore jobs, FindingStore findings, IFileSource files, AssistantDatabase db, ILogger<EvidenceDownloads> logger) : IJobHandler
{
    public const string JobKind = "evidence-download";

    public string Kind => JobKind;

    /// <summary>Queues a download for every piece of evidence not yet downloaded. Call inside the save's transaction.</summary>
    public void Queue(Finding finding, DateTime utcNow)
    {
        foreach (var evidence in finding.Evidence.Where(e => e.LocalPath is null))
        {
            jobs.Enqueue(JobKind, new BsonDocument { ["finding"] = finding.Id, ["file"] = evidence.FileId }, utcNow);
        }
    }

    public async Task<JobResult> RunAsync(Job job, CancellationToken cancellationToken)
    {
        var findingId = job.Payload["finding"].AsInt32;
        var fileId = job.Payload["file"].AsString;
        var finding = findings.Get(findingId);
        var index = finding?.Evidence.FindIndex(e => e.FileId == fileId) ?? -1;
        if (finding is null || index < 0 || finding.Evidence[index].LocalPath is not null)
        {
            return JobResult.Done;
        }

        var evidence = finding.Evidence[index];
        var folder = Path.Combine(db.FilesFolder, Safe(finding.Code));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{(index + 1).ToString("00", CultureInfo.InvariantCulture)}-{Safe(evidence.FileName ?? DefaultName(evidence))}");
        var partial = path + ".part";
        FileFetch outcome;
        await using (var stream = File.Create(partial))
        {
            outcome = await files.DownloadAsync(fileId, stream, cancellationToken);
        }

        switch (outcome)
        {
            case FileFetch.Downloaded:
                File.Move(partial, path, overwrite: true);
                db.InTransaction(() =>
                {
                    var current = findings.Get(findingId);
                    var target = current?.Evidence.FirstOrDefault(e => e.FileId == fileId);
                    if (current is not null && target is not null)
                    {
                        target.LocalPath = path;
                        findings.Update(current);
                        CopyToMergedInto(current, fileId, path);
                    }
                });
                return JobResult.Done;
            case FileFetch.Unavailable:
                File.Delete(partial);
                logger.LogInformation("Evidence {File} of {Code} cannot be downloaded from this channel; its file id is kept.", evidence.FileName ?? evidence.Kind.ToString(), finding.Code);
                return JobResult.Done;
            default:
                File.Delete(partial);
                return new JobResult.Retry(Backoff.Doubling(job.Attempts, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10)), "the channel could not serve the file now");
        }
    }

    /// <summary>A duplicate's evidence was copied to the finding it was merged into before it was downloaded: that copy gets the path too.</summary>
    private void CopyToMergedInto(Finding finding, string fileId, string path)
    {
        var next = finding.MergedIntoId;
        for (var hops = 0; hops < 32 && next is { } id && findings.Get(id) is { } into; hops++)
        {
            foreach (var copy in into.Evidence.Concat(into.FixEvidence).Where(e => e.FileId == fileId && e.LocalPath is null))
            {
                copy.LocalPath = path;
            }

            findings.Update(into);
            next = into.MergedIntoId;
        }
    }

    private static string DefaultName(Evidence evidence) => evidence.Kind switch
    {
        EvidenceKind.Photo => "photo.jpg",
        EvidenceKind.Voice => "voice.ogg",
        EvidenceKind.Video => "video.mp4",
        _ => "file",
    };

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var cleaned = new string([.. name.Select(c => invalid.Contains(c) ? '_' : c)]);
        return cleaned.Length > 80 ? cleaned[^80..] : cleaned;
    }
}
