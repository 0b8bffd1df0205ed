namespace OrleansPlans.Domain.Users;

/// <summary>
/// A set kept as an array searched in order while it is small, and as a <see cref="HashSet{T}"/> once it outgrows
/// that. Equality is <see cref="EqualityComparer{T}.Default"/> (ordinal for strings). Made for what every user keeps
/// for good (the active plan-days and plan-months of <see cref="UserAttribution"/>): a handful of entries, for which a
/// hash set's buckets, entries and the arrays its growth leaves behind were several hundred bytes of long-lived objects
/// per user, promoted by every collection at 100,000 users.
/// </summary>
internal sealed class CompactSet<T>
{
    /// <summary>Beyond this many entries a search in order costs more than hashing (a user's duplicate check uses it too).</summary>
    internal const int SearchLimit = 32;

    private T[] _items;
    private int _count;
    private HashSet<T>? _hashed;

    /// <summary>
    /// An empty set with room for <paramref name="capacity"/> entries before it grows (at most <see cref="SearchLimit"/>:
    /// beyond it the entries go to a hash set anyway).
    /// </summary>
    public CompactSet(int capacity = 0) => _items = capacity <= 0 ? [] : new T[Math.Min(capacity, SearchLimit)];

    /// <summary>The number of entries.</summary>
    public int Count => _hashed?.Count ?? _count;

    /// <summary>Adds <paramref name="item"/>; false when it was already there.</summary>
    public bool Add(T item)
    {
        if (_hashed is not null)
        {
            return _hashed.Add(item);
        }

        for (var i = 0; i < _count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(_items[i], item))
            {
                return false;
            }
        }

        if (_count == SearchLimit)
        {
            _hashed = new HashSet<T>(_items);
            _items = [];
            _count = 0;
            return _hashed.Add(item);
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _count * 2));
        }

        _items[_count++] = item;
        return true;
    }
}
