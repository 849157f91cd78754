package oracle

import (
	"math/big"
	"testing"

	"pgregory.net/rapid"
)

// ratGen draws rationals of every kind the projector distinguishes: zero,
// integers, decimals (denominators dividing 10^p), and numerators and
// denominators wider than 64 bits.
func ratGen() *rapid.Generator[*big.Rat] {
	return rapid.Custom(func(t *rapid.T) *big.Rat {
		switch rapid.IntRange(0, 3).Draw(t, "kind") {
		case 0:
			return new(big.Rat)
		case 1:
			return big.NewRat(rapid.Int64().Draw(t, "int"), 1)
		case 2:
			p := rapid.IntRange(0, 6).Draw(t, "p")
			return big.NewRat(rapid.Int64Range(-1e9, 1e9).Draw(t, "num"), [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6}[p])
		}
		num, _ := new(big.Int).SetString(rapid.StringMatching(`-?[1-9][0-9]{0,40}`).Draw(t, "bignum"), 10)
		den, _ := new(big.Int).SetString(rapid.StringMatching(`[1-9][0-9]{0,40}`).Draw(t, "bigden"), 10)
		return new(big.Rat).SetFrac(num, den)
	})
}

// TestProjectorEqualsDot: Project gives exactly the term-by-term big.Rat sum,
// on the same Projector reused across rows (its scratch must not leak).
func TestProjectorEqualsDot(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, 8).Draw(t, "d")
		a := rapid.SliceOfN(ratGen(), d, d).Draw(t, "a")
		p := NewProjector(a)
		for range rapid.IntRange(1, 4).Draw(t, "rows") {
			x := rapid.SliceOfN(ratGen(), d, d).Draw(t, "x")
			want := dot(a, x, new(big.Rat))
			if got := p.Project(x, new(big.Rat)); got.Cmp(want) != 0 {
				t.Fatalf("aᵀx: got %s, want %s", got.RatString(), want.RatString())
			}
		}
	})
}

// TestProjectorByHand: (1/2, −3)·(1/3, 0.25) = 1/6 − 3/4 = −7/12, and the
// 64-bit overflow of the common denominator takes the wide path.
func TestProjectorByHand(t *testing.T) {
	a := []*big.Rat{big.NewRat(1, 2), big.NewRat(-3, 1)}
	if got := NewProjector(a).Project([]*big.Rat{big.NewRat(1, 3), big.NewRat(1, 4)}, new(big.Rat)); got.Cmp(big.NewRat(-7, 12)) != 0 {
		t.Fatalf("got %s, want -7/12", got.RatString())
	}
	p1, p2 := big.NewInt(4294967291), big.NewInt(4294967279) // primes near 2^32: their product and a third overflow 64 bits
	x := []*big.Rat{new(big.Rat).SetFrac(big.NewInt(1), p1), new(big.Rat).SetFrac(big.NewInt(1), p2), new(big.Rat).SetFrac(big.NewInt(1), big.NewInt(4294967231))}
	one := []*big.Rat{big.NewRat(1, 1), big.NewRat(1, 1), big.NewRat(1, 1)}
	want := dot(one, x, new(big.Rat))
	if got := NewProjector(one).Project(x, new(big.Rat)); got.Cmp(want) != 0 {
		t.Fatalf("wide denominators: got %s, want %s", got.RatString(), want.RatString())
	}
}

func TestGCD64(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := rapid.Uint64Min(1).Draw(t, "a"), rapid.Uint64Min(1).Draw(t, "b")
		want := new(big.Int).GCD(nil, nil, new(big.Int).SetUint64(a), new(big.Int).SetUint64(b))
		if got := gcd64(a, b); got != want.Uint64() {
			t.Fatalf("gcd(%d, %d) = %d, want %s", a, b, got, want)
		}
	})
}

// BenchmarkProject compares Project with the big.Rat dot product on rows of
// 16 decimals with 4 digits and a = (1, 2, 4, …).
func BenchmarkProject(b *testing.B) {
	const d = 16
	a := make([]*big.Rat, d)
	for k := range a {
		a[k] = big.NewRat(1<<k, 1)
	}
	rows := make([][]*big.Rat, 1024)
	for i := range rows {
		rows[i] = make([]*big.Rat, d)
		for k := range rows[i] {
			rows[i][k] = big.NewRat(int64((i*7919+k*104729)%20001-10000), 10000)
		}
	}
	b.Run("Projector", func(b *testing.B) {
		p, v := NewProjector(a), new(big.Rat)
		for i := 0; b.Loop(); i++ {
			p.Project(rows[i%len(rows)], v)
		}
	})
	b.Run("RatDot", func(b *testing.B) {
		v := new(big.Rat)
		for i := 0; b.Loop(); i++ {
			dot(a, rows[i%len(rows)], v.SetInt64(0))
		}
	})
}
