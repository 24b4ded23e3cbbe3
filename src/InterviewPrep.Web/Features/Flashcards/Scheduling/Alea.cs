namespace InterviewPrep.Web.Features.Flashcards.Scheduling;

/// <summary>
/// Johannes Baagøe's Alea generator (MIT), ported from ts-fsrs, so a seed gives the same fuzz as there.
/// It works on doubles with JavaScript's integer conversions on purpose: that is what the original does.
/// </summary>
internal sealed class Alea
{
    private const double TwoToMinus32 = 2.3283064365386963e-10;

    private double _c;
    private double _s0;
    private double _s1;
    private double _s2;

    public Alea(string seed)
    {
        var mash = new Mash();
        _c = 1;
        _s0 = mash.Next(" ");
        _s1 = mash.Next(" ");
        _s2 = mash.Next(" ");
        _s0 -= mash.Next(seed);
        if (_s0 < 0)
        {
            _s0 += 1;
        }
        _s1 -= mash.Next(seed);
        if (_s1 < 0)
        {
            _s1 += 1;
        }
        _s2 -= mash.Next(seed);
        if (_s2 < 0)
        {
            _s2 += 1;
        }
    }

    /// <summary>The next number in [0, 1).</summary>
    public double Next()
    {
        var t = (2091639 * _s0) + (_c * TwoToMinus32);
        _s0 = _s1;
        _s1 = _s2;
        _c = JsNumbers.ToInt32(t);
        _s2 = t - _c;
        return _s2;
    }

    private sealed class Mash
    {
        private double _n = 0xefc8249d;

        public double Next(string data)
        {
            foreach (var ch in data)
            {
                _n += ch;
                var h = 0.02519603282416938 * _n;
                _n = JsNumbers.ToUint32(h);
                h -= _n;
                h *= _n;
                _n = JsNumbers.ToUint32(h);
                h -= _n;
                _n += h * 4294967296.0;
            }
            return JsNumbers.ToUint32(_n) * TwoToMinus32;
        }
    }
}
