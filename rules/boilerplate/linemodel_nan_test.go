package boilerplate

import (
	"math"
	"math/rand"
	"testing"
)

// mayHoldNaN never misses a NaN (of either sign, at any place of a row
// of any length up to past two rounds of eight) and clears rows of finite
// features; a row with both infinities may be sent to the test per
// feature, which is all that costs.
func TestMayHoldNaN(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	nans := []float32{float32(math.NaN()), math.Float32frombits(0xffc00000), math.Float32frombits(0x7f800001)}
	for n := 0; n <= 2*batchRows+3; n++ {
		for range 200 {
			x := make([]float32, n)
			for i := range x {
				x[i] = float32(rng.NormFloat64() * math.Pow(10, float64(rng.Intn(60)-30)))
			}
			if mayHoldNaN(x) {
				t.Fatalf("finite row %v: may hold NaN", x)
			}
			if n == 0 {
				continue
			}
			x[rng.Intn(n)] = float32(math.Inf(1))
			if mayHoldNaN(x) {
				t.Fatalf("row with +Inf %v: may hold NaN", x)
			}
			x[rng.Intn(n)] = nans[rng.Intn(len(nans))]
			if !mayHoldNaN(x) {
				t.Fatalf("row with NaN %v: missed", x)
			}
		}
	}
	row := make([]float32, len(featureNames))
	for i := range row {
		row[i] = math.MaxFloat32
	}
	if mayHoldNaN(row) {
		t.Fatal("row of the largest floats (sums overflow to +Inf): may hold NaN")
	}
}
