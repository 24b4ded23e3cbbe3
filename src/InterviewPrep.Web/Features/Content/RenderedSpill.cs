using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace InterviewPrep.Web.Features.Content;

/// <summary>A question's sections as written and as rendered: the markdown sections, their HTML and the plain text.</summary>
internal sealed record RenderedSections(string[] Markdown, string[] Html, string PlainText);

/// <summary>
/// The rendered sections of an import, kept in a file in the data folder until they are written to the database, so
/// that an import holds one batch of questions in memory, not the bank: at 10,000 questions the sections are about
/// 400 MB as strings. Written from many threads while files are read; read back by the one writing the batches.
/// The file is deleted when this is disposed (and, after a crash, by the next import: see <see cref="RemoveLeftovers"/>).
/// </summary>
internal sealed class RenderedSpill : IDisposable
{
    private const string Extension = ".import-spill";
    private static readonly int Sections = ContentParser.QuestionSections.Count;
    private readonly SafeFileHandle _file;
    private readonly Lock _append = new();
    private long _length;

    public RenderedSpill(string folder)
    {
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}{Extension}");
        _file = File.OpenHandle(Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
    }

    public string Path { get; }

    /// <summary>Deletes spill files left by an import that did not end (a crash, a kill).</summary>
    public static void RemoveLeftovers(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*" + Extension))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Another import's, still open: it deletes its own.
            }
        }
    }

    /// <summary>Stores the sections and returns where they are.</summary>
    public (long Offset, int Length) Write(RenderedSections sections)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        foreach (var text in sections.Markdown.Concat(sections.Html).Append(sections.PlainText))
        {
            var length = Encoding.UTF8.GetByteCount(text);
            BitConverter.TryWriteBytes(buffer.GetSpan(4), length);
            buffer.Advance(4);
            buffer.Advance(Encoding.UTF8.GetBytes(text, buffer.GetSpan(length)));
        }
        long offset;
        lock (_append)
        {
            offset = _length;
            _length += buffer.WrittenCount;
        }
        RandomAccess.Write(_file, buffer.WrittenSpan, offset);
        return (offset, buffer.WrittenCount);
    }

    /// <summary>Reads back what <see cref="Write"/> stored at that place.</summary>
    public RenderedSections Read((long Offset, int Length) place)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(place.Length);
        try
        {
            var span = bytes.AsSpan(0, place.Length);
            for (var read = 0; read < span.Length;)
            {
                var n = RandomAccess.Read(_file, span[read..], place.Offset + read);
                read += n > 0 ? n : throw new EndOfStreamException($"The import's spill file {Path} ended early.");
            }
            var texts = new string[2 * Sections + 1];
            for (var (i, at) = (0, 0); i < texts.Length; i++)
            {
                var length = BitConverter.ToInt32(span[at..]);
                texts[i] = Encoding.UTF8.GetString(span.Slice(at + 4, length));
                at += 4 + length;
            }
            return new RenderedSections(texts[..Sections], texts[Sections..(2 * Sections)], texts[2 * Sections]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public void Dispose() => _file.Dispose();
}
