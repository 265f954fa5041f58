using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Downloads a file a user sent (getFile, then the file URL). A local Bot API server in --local mode
/// answers with an absolute path on its disk: that file is copied. Files the Bot API will not serve
/// (over 20 MB on Telegram's servers) are reported unavailable; their file ids are kept.
/// </summary>
public sealed class TelegramFileSource(ITelegramBotClient client) : IFileSource
{
    public async Task<FileFetch> DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken)
    {
        try
        {
            var file = await client.GetFile(fileId, cancellationToken);
            if (string.IsNullOrEmpty(file.FilePath))
            {
                return FileFetch.Unavailable;
            }

            if (Path.IsPathRooted(file.FilePath) && File.Exists(file.FilePath))
            {
                await using var local = File.OpenRead(file.FilePath);
                await local.CopyToAsync(destination, cancellationToken);
                return FileFetch.Downloaded;
            }

            await client.DownloadFile(file.FilePath, destination, cancellationToken);
            return FileFetch.Downloaded;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400)
        {
            // "file is too big", "invalid file_id": asking again will not help.
            return FileFetch.Unavailable;
        }
        catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException or IOException)
        {
            return FileFetch.TryLater;
        }
    }
}
