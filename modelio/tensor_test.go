package modelio

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"codeberg.org/sbinet/npyio/npy/float16"
)

// The bit formula ieeeRat agrees with big.Rat.SetFloat64 on float64 and
// float32 bit patterns: specials, boundaries and random ones.
func TestIEEERatMatchesSetFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	b64 := []uint64{0, 1, 1 << 63, 1<<63 | 1, 0x000FFFFFFFFFFFFF, 0x0010000000000000, 0x3FF0000000000000, 0x7FEFFFFFFFFFFFFF, 0x3FB999999999999A}
	for range 20000 {
		b64 = append(b64, rng.Uint64())
	}
	for _, u := range b64 {
		got, bad := ieeeRat(u, 11, 52)
		f := math.Float64frombits(u)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			if bad == "" {
				t.Errorf("%#x: %v decoded as %s", u, f, got)
			}
			continue
		}
		if want := new(big.Rat).SetFloat64(f); bad != "" || got.Cmp(want) != 0 {
			t.Fatalf("float64 %#x: formula %v %q, SetFloat64 %s", u, got, bad, want)
		}
	}
	for range 20000 {
		u := rng.Uint32()
		got, bad := ieeeRat(uint64(u), 8, 23)
		f := float64(math.Float32frombits(u))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			if bad == "" {
				t.Errorf("%#x: %v decoded as %s", u, f, got)
			}
			continue
		}
		if want := new(big.Rat).SetFloat64(f); got.Cmp(want) != 0 {
			t.Fatalf("float32 %#x: formula %v, SetFloat64 %s", u, got, want)
		}
	}
}

// Every bfloat16 is the float32 with the same top 16 bits: the decoder is
// checked against that on all 65536 patterns.
func TestBFloat16Exhaustive(t *testing.T) {
	bf := elemType{kind: 'b', size: 2}
	for u := 0; u < 1<<16; u++ {
		got, bad := bf.decode([]byte{byte(u), byte(u >> 8)})
		f := float64(math.Float32frombits(uint32(u) << 16))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			if bad == "" {
				t.Fatalf("bfloat16 %#x (%v) decoded as %s", u, f, got)
			}
			continue
		}
		if bad != "" || got.Cmp(new(big.Rat).SetFloat64(f)) != 0 {
			t.Fatalf("bfloat16 %#x: %v %q, want %v", u, got, bad, f)
		}
	}
}

// float16 on all 65536 patterns: the positive finite values increase
// strictly with the bits, step 2^-24 in the subnormals and first binade and
// double each binade after, anchored at 1 (0x3C00) and 65504 (0x7BFF);
// negatives mirror them; 0x7C00 and up are Inf and NaN. Normal values agree
// with npyio's float16 (which mishandles subnormals, so not those).
func TestFloat16Exhaustive(t *testing.T) {
	h := elemType{kind: 'f', size: 2}
	dec := func(u int) (*big.Rat, string) { return h.decode([]byte{byte(u), byte(u >> 8)}) }
	step := big.NewRat(1, 1<<24)
	prev := new(big.Rat)
	for u := 1; u < 0x7C00; u++ {
		v, bad := dec(u)
		if bad != "" {
			t.Fatalf("%#x: %s", u, bad)
		}
		if u > 0x800 && (u-1)%0x400 == 0 { // the first step inside a binade from 2^-13 on
			step = new(big.Rat).Mul(step, big.NewRat(2, 1))
		}
		if d := new(big.Rat).Sub(v, prev); d.Cmp(step) != 0 {
			t.Fatalf("%#x: step %s from the previous value, want %s", u, d.RatString(), step.RatString())
		}
		neg, _ := dec(u | 0x8000)
		if new(big.Rat).Neg(v).Cmp(neg) != 0 {
			t.Fatalf("%#x: negative is %s", u, neg.RatString())
		}
		if u >= 0x400 {
			if f := float16.Float16Frombits(uint16(u)).Float32(); new(big.Rat).SetFloat64(float64(f)).Cmp(v) != 0 {
				t.Fatalf("%#x: %s, npyio says %v", u, v.RatString(), f)
			}
		}
		prev = v
	}
	if one, _ := dec(0x3C00); one.Cmp(big.NewRat(1, 1)) != 0 {
		t.Errorf("0x3C00 = %s, want 1", one.RatString())
	}
	if prev.Cmp(big.NewRat(65504, 1)) != 0 {
		t.Errorf("0x7BFF = %s, want 65504", prev.RatString())
	}
	for u := 0x7C00; u < 0x8000; u++ {
		if _, bad := dec(u); bad == "" || (u == 0x7C00) != (bad == "+Inf") {
			t.Fatalf("%#x: %q", u, bad)
		}
	}
}
