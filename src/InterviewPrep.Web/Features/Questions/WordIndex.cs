using System.Collections.Concurrent;
using InterviewPrep.Web.Features.Flashcards;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// The words of the full-text index held in memory, for one import generation: for every term (a folded, stemmed word)
/// the questions that hold it and how often, weighted by column as the ranking weighs them. A search is then found,
/// counted and ranked in one pass over its terms' lists, with the scores FTS5's <c>bm25</c> gives the same rows, where
/// FTS5 ran the match twice (count, then rank) and looked up every match's column sizes to score it: at 10,000
/// questions that was most of a search's 5 ms. See docs/decisions/0008-search-ranked-in-memory.md. Each entry also
/// tells whether the term is in the question's body, so that a result's snippet is looked for only as far into the
/// body as it needs to be (<see cref="SearchHighlighter"/>).
/// </summary>
public sealed class WordIndex
{
    /// <summary>The bm25 weights of the title, tags and body columns, here and in the SQL fallback.</summary>
    public const int TitleWeight = 10, TagsWeight = 4, BodyWeight = 1;

    private const double K1 = 1.2;
    private const int MatchCountBits = 4, MatchCount = (1 << MatchCountBits) - 1, MaxPhrases = 16 - MatchCountBits;
    private const double B = 0.75;

    private readonly int[] _ids;
    private readonly double[] _lengthNorms;
    private readonly string[] _categories;
    private readonly Difficulty[] _difficulties;
    private readonly Dictionary<string, int[]> _byTag;
    private readonly string[] _terms;
    private readonly int[] _starts;
    private readonly byte[] _postings;

    private WordIndex(Builder built, string[] terms, int[] starts, byte[] postings)
    {
        _ids = [.. built.Ids];
        // bm25's length term, k1 * (1 - b + b * length / average length), evaluated as FTS5 evaluates it.
        var averageLength = (double)built.TotalTokens / Math.Max(1, _ids.Length);
        _lengthNorms = built.Lengths.Select(length => K1 * (1 - B + (B * length / averageLength))).ToArray();
        _categories = [.. built.Categories];
        _difficulties = [.. built.Difficulties];
        _byTag = built.ByTag.ToDictionary(t => t.Key, t => t.Value.ToArray(), StringComparer.Ordinal);
        (_terms, _starts, _postings) = (terms, starts, postings);
    }

    /// <summary>The import generation it was read at.</summary>
    public long Generation { get; init; }

    public int QuestionCount => _ids.Length;

    public int TermCount => _terms.Length;

    /// <summary>About how many bytes it holds (the term lists, and a little for each question and term), for the log.</summary>
    public long Size => _postings.Length + (_ids.Length * 16L) + (_terms.Length * 48L);

    /// <summary>
    /// The ids of one page of matches, best first (bm25 score, then id), and how many there are. All words must match
    /// unless <see cref="SearchTerms.Any"/>; the last word matches as a prefix when <see cref="SearchTerms.PrefixLast"/>.
    /// With each id, which of the words its body holds: bit i for <c>terms.Words[i]</c>.
    /// </summary>
    public (List<int> Ids, int Total, List<int> InBody) Search(SearchTerms terms, QuestionFilter filter, int offset, int limit)
    {
        if (terms.Words.Count > MaxPhrases)
        {
            throw new ArgumentException($"At most {MaxPhrases} words are searched at once.", nameof(terms));
        }
        var scratch = _scratch.TryTake(out var kept) ? kept : new Scratch(_ids.Length);
        for (var phrase = 0; phrase < terms.Words.Count; phrase++)
        {
            var word = terms.Words[phrase];
            var (first, last) = TermRange(SearchTokenizer.Term(word), terms.PrefixLast && phrase == terms.Words.Count - 1 && word.Length >= 2);
            AddPhrase(first, last, phrase, scratch);
        }
        // At most every question is kept, however far the page: a page number in the millions must not size the heap.
        var page = Best(scratch, terms.Any ? 1 : terms.Words.Count, Allowed(filter), (int)Math.Min((long)offset + limit, _ids.Length), offset);
        // Back for the next search only when complete: a search that threw may have left any entry set.
        scratch.Clear();
        _scratch.Add(scratch);
        return page;
    }

    /// <summary>
    /// A search's working arrays, one entry per question, kept between searches (as many as have run at once). Only the
    /// entries of the questions a search matched are set, and only those are cleared after it: clearing and scanning all
    /// 10,000 entries of four arrays was a fifth of the ranking's time.
    /// </summary>
    private sealed class Scratch(int questions)
    {
        public readonly double[] Scores = new double[questions];
        /// <summary>Per question: how many phrases it matched (the low 4 bits), and which its body holds (a bit each above).</summary>
        public readonly ushort[] Matched = new ushort[questions];
        public readonly int[] Frequencies = new int[questions];
        public readonly int[] Touched = new int[questions];
        public readonly int[] Docs = new int[questions];
        public int DocCount;

        public void Clear()
        {
            foreach (var doc in Docs.AsSpan(0, DocCount))
            {
                (Scores[doc], Matched[doc]) = (0, 0);
            }
            DocCount = 0;
        }
    }

    private readonly ConcurrentBag<Scratch> _scratch = [];

    /// <summary>Counts the questions that matched enough phrases and pass the filter, keeping the best few in a heap.</summary>
    private (List<int> Ids, int Total, List<int> InBody) Best(Scratch scratch, int required, bool[]? allowed, int keep, int offset)
    {
        var best = new PriorityQueue<int, (double Score, int Doc)>(keep + 1, Worst.Instance);
        var total = 0;
        foreach (var doc in scratch.Docs.AsSpan(0, scratch.DocCount))
        {
            if ((scratch.Matched[doc] & MatchCount) < required || (allowed is not null && !allowed[doc]))
            {
                continue;
            }
            total++;
            var candidate = (scratch.Scores[doc], doc);
            if (best.Count < keep)
            {
                best.Enqueue(doc, candidate);
            }
            else if (keep > 0 && best.TryPeek(out _, out var worst) && Worst.Instance.Compare(candidate, worst) > 0)
            {
                best.EnqueueDequeue(doc, candidate);
            }
        }
        var docs = new int[best.Count];
        for (var i = docs.Length - 1; i >= 0; i--)
        {
            docs[i] = best.Dequeue();
        }
        var page = docs.Skip(offset).ToList();
        return (page.ConvertAll(doc => _ids[doc]), total, page.ConvertAll(doc => scratch.Matched[doc] >> MatchCountBits));
    }

    /// <summary>
    /// Scores one phrase (a word, or a prefix and every term it starts) into each question that holds it, as bm25 does:
    /// its weighted frequency in the question, against the question's length and the phrase's rarity in the bank. Marks
    /// the phrase's bit in the questions whose body holds it.
    /// </summary>
    private void AddPhrase(int first, int last, int phrase, Scratch scratch)
    {
        // A question's entry: its weighted frequency over the phrase's terms, times two, plus one if its body holds any.
        var (frequencies, touched) = (scratch.Frequencies, scratch.Touched);
        var hits = 0;
        for (var term = first; term < last; term++)
        {
            var (position, end, doc) = (_starts[term], _starts[term + 1], 0);
            while (position < end)
            {
                doc += ReadNumber(_postings, ref position);
                var entry = ReadNumber(_postings, ref position);
                if (frequencies[doc] == 0)
                {
                    touched[hits++] = doc;
                }
                frequencies[doc] = (frequencies[doc] + (entry & ~1)) | (entry & 1);
            }
        }

        // FTS5's IDF, from the number of rows that hold the phrase; a phrase in more than half of them counts almost nothing.
        var rows = (double)_ids.Length;
        var idf = Math.Log((rows - hits + 0.5) / (hits + 0.5));
        if (idf <= 0.0)
        {
            idf = 1e-6;
        }
        var inBody = 1 << (MatchCountBits + phrase);
        foreach (var doc in touched.AsSpan(0, hits))
        {
            var frequency = (double)(frequencies[doc] >> 1);
            scratch.Scores[doc] += idf * (frequency * (K1 + 1.0) / (frequency + _lengthNorms[doc]));
            var matched = scratch.Matched[doc];
            if (matched == 0)
            {
                scratch.Docs[scratch.DocCount++] = doc;
            }
            scratch.Matched[doc] = (ushort)(matched + 1 + (inBody * (frequencies[doc] & 1)));
            frequencies[doc] = 0;
        }
    }

    /// <summary>The terms that equal the stem, or that start with it when it is a prefix: a range of the sorted terms.</summary>
    private (int First, int Last) TermRange(string stem, bool prefix)
    {
        var first = Array.BinarySearch(_terms, stem, StringComparer.Ordinal);
        if (!prefix)
        {
            return first >= 0 ? (first, first + 1) : (0, 0);
        }
        first = first >= 0 ? first : ~first;
        var last = first;
        while (last < _terms.Length && _terms[last].StartsWith(stem, StringComparison.Ordinal))
        {
            last++;
        }
        return (first, last);
    }

    private bool[]? Allowed(QuestionFilter filter)
    {
        if (filter.Category is null && filter.Difficulty is null && filter.Tag is null && filter.Includes is null)
        {
            return null;
        }
        var allowed = new bool[_ids.Length];
        if (filter.Tag is not null)
        {
            foreach (var doc in _byTag.GetValueOrDefault(filter.Tag) ?? [])
            {
                allowed[doc] = true;
            }
        }
        else
        {
            Array.Fill(allowed, true);
        }
        for (var doc = 0; doc < allowed.Length; doc++)
        {
            allowed[doc] &= (filter.Category is null || _categories[doc] == filter.Category)
                && (filter.Difficulty is null || _difficulties[doc] == filter.Difficulty)
                && (filter.Includes is null || filter.Includes(_ids[doc]));
        }
        return allowed;
    }

    private static int ReadNumber(byte[] bytes, ref int position)
    {
        int value = 0, shift = 0;
        byte next;
        do
        {
            next = bytes[position++];
            value |= (next & 0x7F) << shift;
            shift += 7;
        }
        while (next >= 0x80);
        return value;
    }

    private static void WriteNumber(ref byte[] bytes, ref int length, int value)
    {
        if (bytes.Length - length < 5)
        {
            Array.Resize(ref bytes, Math.Max(16, bytes.Length * 2));
        }
        while (value >= 0x80)
        {
            bytes[length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[length++] = (byte)value;
    }

    /// <summary>Orders the heap of best matches so that the worst is on top: the lowest score, then the highest id.</summary>
    private sealed class Worst : IComparer<(double Score, int Doc)>
    {
        public static readonly Worst Instance = new();

        public int Compare((double Score, int Doc) x, (double Score, int Doc) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Doc.CompareTo(x.Doc);
    }

    /// <summary>
    /// Reads the bank's questions one at a time, in ascending id order, and builds the index. A word is folded and stemmed
    /// once per spelling, not once per occurrence. Each entry of a term's list is the gap from the last question's number
    /// and the weighted frequency times two, plus one when the body holds the term.
    /// </summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, int> _spellings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
        private readonly List<string> _termTexts = [];
        private readonly List<int> _touched = [];
        private readonly Dictionary<string, string> _categoryNames = new(StringComparer.Ordinal);
        private byte[][] _lists = new byte[256][];
        private int[] _listLengths = new int[256];
        private int[] _lastDocs = new int[256];
        private int[] _frequencies = new int[256];
        private bool[] _inBody = new bool[256];

        internal List<int> Ids { get; } = [];

        internal List<int> Lengths { get; } = [];

        internal List<string> Categories { get; } = [];

        internal List<Difficulty> Difficulties { get; } = [];

        internal Dictionary<string, List<int>> ByTag { get; } = new(StringComparer.Ordinal);

        internal long TotalTokens { get; private set; }

        /// <summary>Adds a question: its id (greater than the last one's) and its columns as the full-text table holds them.</summary>
        public void Add(int id, string title, string tags, string body, string category, Difficulty difficulty)
        {
            if (Ids.Count > 0 && id <= Ids[^1])
            {
                throw new ArgumentException($"Questions must come in ascending id order; {id} came after {Ids[^1]}.", nameof(id));
            }
            var doc = Ids.Count;
            var length = Count(title, TitleWeight, body: false) + Count(tags, TagsWeight, body: false) + Count(body, BodyWeight, body: true);
            foreach (var term in _touched)
            {
                WriteNumber(ref _lists[term], ref _listLengths[term], doc - _lastDocs[term]);
                WriteNumber(ref _lists[term], ref _listLengths[term], (_frequencies[term] * 2) + (_inBody[term] ? 1 : 0));
                (_lastDocs[term], _frequencies[term], _inBody[term]) = (doc, 0, false);
            }
            _touched.Clear();

            Ids.Add(id);
            Lengths.Add(length);
            TotalTokens += length;
            Categories.Add(_categoryNames.TryGetValue(category, out var known) ? known : _categoryNames[category] = category);
            Difficulties.Add(difficulty);
            foreach (var tag in tags.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                (ByTag.TryGetValue(tag, out var docs) ? docs : ByTag[tag] = []).Add(doc);
            }
        }

        public WordIndex Build(long generation)
        {
            var order = Enumerable.Range(0, _termTexts.Count).OrderBy(t => _termTexts[t], StringComparer.Ordinal).ToArray();
            var starts = new int[order.Length + 1];
            for (var i = 0; i < order.Length; i++)
            {
                starts[i + 1] = starts[i] + _listLengths[order[i]];
            }
            var postings = new byte[starts[^1]];
            for (var i = 0; i < order.Length; i++)
            {
                _lists[order[i]].AsSpan(0, _listLengths[order[i]]).CopyTo(postings.AsSpan(starts[i]));
            }
            var terms = order.Select(t => _termTexts[t]).ToArray();
            return new WordIndex(this, terms, starts, postings) { Generation = generation };
        }

        private int Count(string text, int weight, bool body)
        {
            var (position, tokens) = (0, 0);
            var lookup = _spellings.GetAlternateLookup<ReadOnlySpan<char>>();
            while (SearchTokenizer.NextWord(text, ref position, out var start, out var end))
            {
                var spelling = text.AsSpan(start, end - start);
                if (!lookup.TryGetValue(spelling, out var term))
                {
                    term = TermId(SearchTokenizer.Term(spelling));
                    lookup[spelling] = term;
                }
                if (_frequencies[term] == 0)
                {
                    _touched.Add(term);
                }
                _frequencies[term] += weight;
                _inBody[term] |= body;
                tokens++;
            }
            return tokens;
        }

        private int TermId(string term)
        {
            if (_termIds.TryGetValue(term, out var id))
            {
                return id;
            }
            id = _termTexts.Count;
            _termIds[term] = id;
            _termTexts.Add(term);
            if (id == _lists.Length)
            {
                var size = id * 2;
                Array.Resize(ref _lists, size);
                Array.Resize(ref _listLengths, size);
                Array.Resize(ref _lastDocs, size);
                Array.Resize(ref _frequencies, size);
                Array.Resize(ref _inBody, size);
            }
            _lists[id] = [];
            return id;
        }
    }
}
