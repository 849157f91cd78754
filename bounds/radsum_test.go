package bounds

// radsum_test.go checks the radical sums of radsum.go: factoring (also past
// 2⁶⁴, where primeFactors leaves the uint64 path), square parts, and the
// one-radical fast path of sign against the general elimination.

import (
	"fmt"
	"math/big"
	"sort"
	"testing"
)

// powProduct is Π p_i^e_i as a big.Int.
func powProduct(pe ...int64) *big.Int {
	n := big.NewInt(1)
	for i := 0; i < len(pe); i += 2 {
		n.Mul(n, new(big.Int).Exp(big.NewInt(pe[i]), big.NewInt(pe[i+1]), nil))
	}
	return n
}

// TestPrimeFactorsBig: numbers beyond 2⁶⁴ built from known factorizations;
// the distinct primes, the square part s and the square-free f with
// n = s²·f follow from the exponents by hand.
func TestPrimeFactorsBig(t *testing.T) {
	cases := []struct {
		pe     []int64
		primes []int64
		s, f   *big.Int
	}{
		// 2⁶⁵·3²: the cofactor becomes 1 (no prime is left over).
		{[]int64{2, 65, 3, 2}, []int64{2, 3}, powProduct(2, 32, 3, 1), big.NewInt(2)},
		// 2⁶⁴·101: a prime cofactor remains after the loop.
		{[]int64{2, 64, 101, 1}, []int64{2, 101}, powProduct(2, 32), big.NewInt(101)},
		// 3⁴¹·5³·7: odd primes only, no factor 2.
		{[]int64{3, 41, 5, 3, 7, 1}, []int64{3, 5, 7}, powProduct(3, 20, 5, 1), big.NewInt(3 * 5 * 7)},
		// 10007²·2⁵⁰: a four-digit prime squared.
		{[]int64{10007, 2, 2, 50}, []int64{2, 10007}, powProduct(10007, 1, 2, 25), big.NewInt(1)},
	}
	for _, c := range cases {
		n := powProduct(c.pe...)
		if n.IsUint64() {
			t.Fatalf("%v fits in uint64: not a test of the big path", n)
		}
		got := primeFactors(n)
		sort.Slice(got, func(i, j int) bool { return got[i].Cmp(got[j]) < 0 })
		if fmt.Sprint(got) != fmt.Sprint(c.primes) {
			t.Errorf("primeFactors(%v) = %v, want %v", n, got, c.primes)
		}
		s, f := squarePart(n)
		if s.Cmp(c.s) != 0 || f.Cmp(c.f) != 0 {
			t.Errorf("squarePart(%v) = %v² · %v, want %v² · %v", n, s, f, c.s, c.f)
		}
	}
	// √(2⁶⁵·3² · 7) = 2³²·3·√14.
	r := new(big.Rat).SetInt(powProduct(2, 65, 3, 2, 7, 1))
	if got, want := Sqrt(r).String(), powProduct(2, 32, 3, 1).String()+"√14"; got != want {
		t.Errorf("√(2⁶⁵·3²·7) = %s, want %s", got, want)
	}
}

// TestPrimeFactorsSmall: trial division on the uint64 path against the
// definition (p prime, p | n) for n ≤ 2000.
func TestPrimeFactorsSmall(t *testing.T) {
	isPrime := func(p int64) bool {
		if p < 2 {
			return false
		}
		for d := int64(2); d < p; d++ {
			if p%d == 0 {
				return false
			}
		}
		return true
	}
	for n := int64(1); n <= 2000; n++ {
		var want []int64
		for p := int64(2); p <= n; p++ {
			if n%p == 0 && isPrime(p) {
				want = append(want, p)
			}
		}
		if got := primeFactors(big.NewInt(n)); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("primeFactors(%d) = %v, want %v", n, got, want)
		}
		// squarePart twice: the second answer comes from the cache.
		for range 2 {
			s, f := squarePart(big.NewInt(n))
			if new(big.Int).Mul(new(big.Int).Mul(s, s), f).Int64() != n {
				t.Fatalf("squarePart(%d) = %v² · %v", n, s, f)
			}
			for _, p := range want {
				if new(big.Int).Rem(f, big.NewInt(p*p)).Sign() == 0 {
					t.Fatalf("squarePart(%d): f = %v is not square-free", n, f)
				}
			}
		}
	}
}

// TestSignOneFastPath: a sum with at most one radical besides the rational
// term is decided by signOne at once, and agrees with the elimination of
// signOver; two radicals are refused by signOne.
func TestSignOneFastPath(t *testing.T) {
	for _, a := range []int64{-3, -1, 0, 1, 2} {
		for _, n := range []int64{2, 3, 6, 7} {
			for _, c := range []int64{-5, -2, 0, 1, 4} {
				s := radsum{}
				s.addTerm(big.NewRat(a, 1), big.NewInt(n))
				s.addTerm(big.NewRat(c, 1), big.NewInt(1))
				got, ok := s.signOne()
				if !ok {
					t.Fatalf("%d√%d + %d: signOne refused one radical", a, n, c)
				}
				if want := s.signOver(s.primes()); got != want {
					t.Fatalf("%d√%d + %d: signOne %d, signOver %d", a, n, c, got, want)
				}
				// By squaring by hand: sign(a√n + c).
				want := 0
				switch {
				case a == 0:
					want = sgn64(c)
				case c == 0 || sgn64(a) == sgn64(c):
					want = sgn64(a)
				default:
					want = sgn64(a) * sgn64(a*a*n-c*c)
				}
				if got != want {
					t.Fatalf("%d√%d + %d: sign %d, by hand %d", a, n, c, got, want)
				}
			}
		}
	}
	s := radsum{}
	s.addTerm(big.NewRat(1, 1), big.NewInt(2))
	s.addTerm(big.NewRat(-1, 1), big.NewInt(3))
	if _, ok := s.signOne(); ok {
		t.Fatal("signOne accepted √2 − √3")
	}
	if got := s.sign(); got != -1 {
		t.Fatalf("sign(√2 − √3) = %d", got)
	}
}

func sgn64(x int64) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}
