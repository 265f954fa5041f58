using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Assistant.Channels.Telegram;

/// <summary>Turns a Telegram update into the channel-agnostic <see cref="IncomingUpdate"/>.</summary>
public static class TelegramUpdateMapper
{
    public const string Channel = "telegram";

    public static IncomingUpdate Map(Update update)
    {
        if (update.CallbackQuery is { } callback)
        {
            var origin = callback.Message;
            return new IncomingUpdate
            {
                Channel = Channel,
                UpdateId = update.Id,
                Kind = UpdateKind.Callback,
                ChatId = origin?.Chat.Id ?? callback.From.Id,
                ChatKind = origin is null ? ChatKind.Private : Kind(origin.Chat.Type),
                ChatTitle = origin?.Chat.Title,
                UserId = callback.From.Id,
                Username = callback.From.Username,
                FirstName = callback.From.FirstName,
                LastName = callback.From.LastName,
                LanguageCode = callback.From.LanguageCode,
                FromBot = callback.From.IsBot,
                Date = origin is null ? DateTimeOffset.UtcNow : new DateTimeOffset(DateTime.SpecifyKind(origin.Date, DateTimeKind.Utc)),
                MessageId = origin?.Id,
                CallbackData = callback.Data,
                CallbackId = callback.Id,
            };
        }

        var (message, kind) = update switch
        {
            { Message: { } m } => (m, UpdateKind.Message),
            { EditedMessage: { } m } => (m, UpdateKind.EditedMessage),
            { ChannelPost: { } m } => (m, UpdateKind.ChannelPost),
            { EditedChannelPost: { } m } => (m, UpdateKind.ChannelPost),
            _ => ((Message?)null, UpdateKind.Other),
        };

        if (message is null)
        {
            return new IncomingUpdate { Channel = Channel, UpdateId = update.Id, Kind = UpdateKind.Other, Date = DateTimeOffset.UtcNow };
        }

        var from = message.From;
        return new IncomingUpdate
        {
            Channel = Channel,
            UpdateId = update.Id,
            Kind = kind,
            ChatId = message.Chat.Id,
            ChatKind = Kind(message.Chat.Type),
            ChatTitle = message.Chat.Title,
            UserId = from?.Id ?? message.Chat.Id,
            Username = from?.Username,
            FirstName = from?.FirstName,
            LastName = from?.LastName,
            LanguageCode = from?.LanguageCode,
            FromBot = from?.IsBot ?? false,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)),
            MessageId = message.Id,
            Text = message.Text ?? message.Caption,
            Files = Files(message),
            Location = message.Location is { } l ? new GeoPoint(l.Latitude, l.Longitude)
                : message.Venue is { } v ? new GeoPoint(v.Location.Latitude, v.Location.Longitude) : null,
        };
    }

    private static ChatKind Kind(ChatType type) => type switch
    {
        ChatType.Private => ChatKind.Private,
        ChatType.Channel => ChatKind.Channel,
        _ => ChatKind.Group,
    };

    private static List<IncomingFile> Files(Message message)
    {
        var files = new List<IncomingFile>();
        if (message.Photo is { Length: > 0 } sizes)
        {
            var largest = sizes.OrderByDescending(s => (long)s.Width * s.Height).First();
            files.Add(new IncomingFile(FileKind.Photo, largest.FileId, null, "image/jpeg", largest.FileSize));
        }

        if (message.Document is { } d)
        {
            files.Add(new IncomingFile(FileKind.Document, d.FileId, d.FileName, d.MimeType, d.FileSize));
        }

        if (message.Voice is { } voice)
        {
            files.Add(new IncomingFile(FileKind.Voice, voice.FileId, null, voice.MimeType, voice.FileSize, voice.Duration));
        }

        if (message.Audio is { } audio)
        {
            files.Add(new IncomingFile(FileKind.Audio, audio.FileId, audio.FileName, audio.MimeType, audio.FileSize, audio.Duration));
        }

        if (message.Video is { } video)
        {
            files.Add(new IncomingFile(FileKind.Video, video.FileId, video.FileName, video.MimeType, video.FileSize, video.Duration));
        }

        if (message.VideoNote is { } note)
        {
            files.Add(new IncomingFile(FileKind.VideoNote, note.FileId, null, null, note.FileSize, note.Duration));
        }

        if (message.Animation is { } animation)
        {
            files.Add(new IncomingFile(FileKind.Animation, animation.FileId, animation.FileName, animation.MimeType, animation.FileSize));
        }

        if (message.Sticker is { } sticker)
        {
            files.Add(new IncomingFile(FileKind.Sticker, sticker.FileId, null, null, sticker.FileSize));
        }

        return files;
    }
}
