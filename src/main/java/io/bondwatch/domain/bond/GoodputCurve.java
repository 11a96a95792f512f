package io.bondwatch.domain.bond;

/**
 * g(p): the fraction of a bundle's rate that TCP goodput keeps when the bundle loses a fraction p
 * of its packets. 1 at no loss, 0 at the policy's drop loss and beyond.
 *
 * <p>The shape follows the Mathis et al. model, in which one TCP flow's throughput is MSS / (RTT
 * sqrt(p)) times a constant: goodput falls with the square root of loss. Below {@code fullLoss} the
 * traffic still fills the link (a 20 ms DSL path at 2% loss still gives one flow about 5 Mbit/s,
 * and a household runs several flows), so g = 1. Above it, goodput is the Mathis ratio m(p) =
 * sqrt(fullLoss / p), rescaled so that it reaches 0 at {@code dropLoss}, the loss at which the
 * policy drops a member anyway:
 *
 * <pre>
 *   g(p) = 1                                     p &lt;= fullLoss
 *        = (m(p) - m(drop)) / (1 - m(drop))      fullLoss &lt; p &lt; dropLoss
 *        = 0                                     p &gt;= dropLoss
 * </pre>
 *
 * With fullLoss 2% and dropLoss 20%: g(3%) = 0.73, g(5%) = 0.46, g(10%) = 0.19. The rescaling makes
 * the curve continuous, so a small change in measured loss never flips the recommendation by a
 * step.
 *
 * @param fullLoss loss up to which TCP still fills the bundle (default 2%)
 * @param dropLoss the policy's drop loss ({@code policy.drop.loss}, 20% in the example config)
 */
public record GoodputCurve(double fullLoss, double dropLoss) {
  public static final double DEFAULT_FULL_LOSS = 0.02;

  public GoodputCurve {
    if (!(fullLoss > 0 && fullLoss < dropLoss && dropLoss <= 1)) {
      throw new IllegalArgumentException(
          "need 0 < fullLoss < dropLoss <= 1, not fullLoss=" + fullLoss + " dropLoss=" + dropLoss);
    }
  }

  public static GoodputCurve forDropLoss(double dropLoss) {
    return new GoodputCurve(DEFAULT_FULL_LOSS, dropLoss);
  }

  public double fraction(double loss) {
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("loss must be in [0, 1], not " + loss);
    }
    if (loss <= fullLoss) {
      return 1;
    }
    if (loss >= dropLoss) {
      return 0;
    }
    double atDrop = Math.sqrt(fullLoss / dropLoss);
    return (Math.sqrt(fullLoss / loss) - atDrop) / (1 - atDrop);
  }
}
