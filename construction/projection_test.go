package construction

import (
	"errors"
	"math/big"
	"math/rand"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
)

// dotRef is aᵀx written out plainly, independent of tryDirection.
func dotRef(a, x []*big.Rat) *big.Rat {
	s := new(big.Rat)
	for k := range a {
		s.Add(s, new(big.Rat).Mul(a[k], x[k]))
	}
	return s
}

// collides reports whether two rows have equal projections on a (all pairs).
func collides(a []*big.Rat, X [][]*big.Rat) bool {
	for i := range X {
		for j := i + 1; j < len(X); j++ {
			if dotRef(a, X[i]).Cmp(dotRef(a, X[j])) == 0 {
				return true
			}
		}
	}
	return false
}

// trapPoints returns points that collide under a(s) for s = 0, …, n−1 in
// dimension d ≥ 2: pairs p and p + v with v = (s, −1, 0, …) ⊥ a(s).
func trapPoints(r *rand.Rand, d, n int) [][]*big.Rat {
	var X [][]*big.Rat
	for s := 0; s < n; s++ {
		p := make([]*big.Rat, d)
		for k := range p {
			p[k] = big.NewRat(int64(r.Intn(1000)+2000*s), 1)
		}
		q := make([]*big.Rat, d)
		for k := range q {
			q[k] = new(big.Rat).Set(p[k])
		}
		q[0].Add(q[0], big.NewRat(int64(s), 1))
		q[1].Sub(q[1], big.NewRat(1, 1))
		X = append(X, p, q)
	}
	return X
}

// TestSeparateLeastS: the direction separates every pair (checked over all
// pairs), the order is increasing, and every s below the one returned
// collides somewhere (so it is the least s, as the comment promises).
func TestSeparateLeastS(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for trial := 0; trial < 60; trial++ {
		d := 1 + r.Intn(5)
		var X [][]*big.Rat
		if d >= 2 && trial%2 == 0 {
			X = trapPoints(r, d, 1+r.Intn(6))
		} else {
			for i := 0; i < 3+r.Intn(12); i++ {
				x := make([]*big.Rat, d)
				for k := range x {
					x[k] = big.NewRat(int64(r.Intn(3)), 1) // collinear and repeated coordinates
				}
				x[0] = big.NewRat(int64(i), 1)
				X = append(X, x)
			}
			X[0][0] = big.NewRat(1, 1) // a collision under s = 0 unless other coordinates differ
			if oracle.CheckDistinct(X) != nil {
				continue
			}
		}
		p, err := Separate(X)
		if err != nil {
			t.Fatal(err)
		}
		if p.Method != "moment" || collides(p.A, X) {
			t.Fatalf("method %s, a = %v collides", p.Method, p.A)
		}
		for s := int64(0); s < p.S; s++ {
			if !collides(Moment(d, big.NewRat(s, 1)), X) {
				t.Fatalf("s = %d separates, but Separate returned s = %d", s, p.S)
			}
		}
		for i := 1; i < len(p.Order); i++ {
			if dotRef(p.A, X[p.Order[i-1]]).Cmp(dotRef(p.A, X[p.Order[i]])) >= 0 {
				t.Fatalf("order not increasing at %d", i)
			}
		}
	}
}

// TestSeparateFallback: when every s < MomentTries collides, the
// lexicographic direction still separates every pair.
func TestSeparateFallback(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for _, d := range []int{2, 3, 5} {
		X := trapPoints(r, d, MomentTries)
		p, err := Separate(X)
		if err != nil {
			t.Fatal(err)
		}
		if p.Method != "lexicographic" || collides(p.A, X) {
			t.Fatalf("d=%d: method %s, collides %v", d, p.Method, collides(p.A, X))
		}
	}
}

// TestSeparateErrors: equal rows name both rows; ragged rows name the row.
func TestSeparateErrors(t *testing.T) {
	X := [][]*big.Rat{oracle.Rats(1, 2), oracle.Rats(3, 4), oracle.Rats(1, 2)}
	var dup *oracle.DuplicatePointError
	if _, err := Separate(X); !errors.As(err, &dup) || dup.I != 1 || dup.J != 3 {
		t.Fatalf("duplicate: %v", err)
	}
	var de *DimensionError
	X[2] = oracle.Rats(5)
	if _, err := Separate(X); !errors.As(err, &de) || de.Row != 3 {
		t.Fatalf("ragged: %v", err)
	}
}
