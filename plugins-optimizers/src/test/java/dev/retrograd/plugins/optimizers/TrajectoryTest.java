package dev.retrograd.plugins.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Five steps of every optimizer on {@link Quadratic}, against reference trajectories computed
 * independently in float64 with numpy, transcribing the single-tensor kernels of PyTorch 2.x
 * ({@code _single_tensor_sgd}, {@code _single_tensor_adam}, {@code _single_tensor_rmsprop},
 * {@code _single_tensor_adagrad}; {@code maximize=False}) and, for Lion, Algorithm 2 of Chen et al.
 * (2023). The reference follows PyTorch's operation order (e.g. {@code exp_avg.lerp_(g, 1 − β1)},
 * {@code param.addcdiv_(exp_avg, denom, value=−step_size)}), not this module's code, so the two agree
 * to rounding, checked here to 1e-12 relative. Row k is θ after step k + 1. Formulas:
 *
 * <ul>
 *   <li>sgd: g ← g + wd·θ; buf ← g on step 1, else momentum·buf + (1 − dampening)·g;
 *       g ← g + momentum·buf (nesterov) or buf; θ ← θ − lr·g.
 *   <li>adam: g ← g + wd·θ; m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; v_max ← max(v_max, v)
 *       (amsgrad); θ ← θ − lr/(1 − β1^t)·m/(sqrt(v)/sqrt(1 − β2^t) + eps).
 *   <li>adamw: θ ← θ·(1 − lr·wd), then adam without the L2 term.
 *   <li>lion: θ ← θ·(1 − lr·wd); θ ← θ − lr·sign(β1·m + (1 − β1)·g); m ← β2·m + (1 − β2)·g.
 *   <li>rmsprop: g ← g + wd·θ; v ← α·v + (1 − α)·g²; g_avg ← α·g_avg + (1 − α)·g (centered);
 *       denom ← sqrt(v − g_avg²) + eps or sqrt(v) + eps; buf ← momentum·buf + g/denom, θ ← θ − lr·buf
 *       (momentum &gt; 0) or θ ← θ − lr·g/denom.
 *   <li>adagrad: clr ← lr/(1 + (t − 1)·lr_decay); g ← g + wd·θ; sum ← sum + g² (from
 *       initial_accumulator_value); θ ← θ − clr·g/(sqrt(sum) + eps).
 * </ul>
 */
class TrajectoryTest {

  // sgd (defaults)
  private static final double[][] SGD_DEFAULTS = {
      {1.495, -0.723, 999.955, 1.0},
      {1.49005, -0.6970799999999999, 999.9100009, 1.0},
      {1.4851495000000001, -0.6721967999999999, 999.865002699982, 1.0},
      {1.480298005, -0.648308928, 999.820005399928, 1.0},
      {1.47549502495, -0.62537657088, 999.7750089998201, 1.0},
  };
  // sgd lr=0.1,momentum=0.9,dampening=0.25,weight_decay=0.01
  private static final double[][] SGD_MOMENTUM_DAMPENING_WEIGHT_DECAY = {
      {1.4485, -0.47925, 998.55, 0.999},
      {1.367426125, -0.11394056249999995, 996.1588049999999, 0.99750075},
      {1.26587710853125, 0.22660555542187505, 992.9226865754999, 0.9957781869375001},
      {1.1535928027381328, 0.4424454407584337, 988.929049575532, 0.994114318500422},
      {1.040152272716914, 0.48113587125323753, 984.2572401309428, 0.992754103393113},
  };
  // sgd lr=0.05,momentum=0.8,nesterov=true,weight_decay=0.001
  private static final double[][] SGD_NESTEROV = {
      {1.454865, -0.5069325, 999.505, 0.99991},
      {1.39774821215, -0.264967176075, 998.83413365, 0.9998042080999999},
      {1.3343844400374065, -0.07211236380215319, 998.0226959539145, 0.9996976311432709},
      {1.2694445665588479, 0.050733080238598585, 997.0989397651766, 0.99960115200162},
      {1.206557159753812, 0.10420009790518646, 996.0854808239641, 0.999521595621035},
  };
  // adam (defaults)
  private static final double[][] ADAM_DEFAULTS = {
      {1.49900000002, -0.7490000000037037, 999.9990000000022, 1.0},
      {1.4980000527245316, -0.7480000389265935, 999.998000000016, 1.0},
      {1.4970001932451757, -0.7470001426942231, 999.9970000000491, 1.0},
      {1.496000456620712, -0.7460003371437831, 999.9960000001091, 1.0},
      {1.4950008777189197, -0.7450006479667332, 999.9950000002036, 1.0},
  };
  // adam lr=0.1,beta1=0.8,beta2=0.5,eps=1e-6,weight_decay=0.05,amsgrad=true
  private static final double[][] ADAM_AMSGRAD_WEIGHT_DECAY = {
      {1.400000173912741, -0.650000036529667, 999.9000000018349, 0.9000019999600009},
      {1.2981780755195294, -0.5484797991106117, 999.7999989435609, 0.9492192645775455},
      {1.2015959376555503, -0.4493992565226725, 999.6999962638645, 0.9990426113010347},
      {1.1159583828434565, -0.35832101253613075, 999.5999915745239, 1.0191284258061177},
      {1.0433577015219186, -0.2775525214709964, 999.499984663347, 1.0102361750910889},
  };
  // adamw (defaults)
  private static final double[][] ADAMW_DEFAULTS = {
      {1.49898500002, -0.7489925000037038, 999.9890000000022, 0.99999},
      {1.4979700636732378, -0.7479850492957831, 999.9780001101319, 1.0007236112425553},
      {1.4969552266247272, -0.7469776739973286, 999.9670003304726, 1.0000828034443368},
      {1.4959405244460267, -0.7459704001401796, 999.9560006611073, 0.9994933495812642},
      {1.4949259925358553, -0.7449632536091212, 999.9450011021185, 0.9993931010561403},
  };
  // adamw lr=0.1,beta1=0.85,beta2=0.9,eps=1e-7,weight_decay=0.1
  private static final double[][] ADAMW_STRONG_DECAY = {
      {1.385000019999996, -0.6425000037037035, 989.9000000022222, 0.99},
      {1.2723619200995924, -0.536695898824179, 979.9010066572343, 1.0546078581229457},
      {1.1636200087667858, -0.43321667199289626, 970.0020142032839, 0.9908274639116408},
      {1.061305413596785, -0.33295654300056615, 960.2020267818098, 0.9481896327974197},
      {0.9693369709581036, -0.23718123624876497, 950.5000582967618, 0.9585122407769566},
  };
  // adamw lr=0.1,beta2=0.5,weight_decay=0.2,amsgrad=true
  private static final double[][] ADAMW_AMSGRAD = {
      {1.3700000019999998, -0.6350000003703704, 979.9000000002222, 0.98},
      {1.2393147956881283, -0.5200213998843749, 960.2018747676353, 1.0248602366521948},
      {1.1213069226072563, -0.41038918377726497, 940.8975187290911, 0.9926544647351423},
      {1.0210077399135802, -0.3111853079875966, 921.979005898681, 0.9744320217856471},
      {0.9393624848148301, -0.22413886431855756, 903.4385866225587, 0.9853576271600922},
  };
  // lion (defaults)
  private static final double[][] LION_DEFAULTS = {
      {1.4999, -0.7499, 999.9999, 1.0},
      {1.4998, -0.7498, 999.9998, 1.0},
      {1.4997, -0.7497, 999.9997000000001, 1.0},
      {1.4996, -0.7496, 999.9996000000001, 1.0},
      {1.4995, -0.7495, 999.9995000000001, 1.0},
  };
  // lion lr=0.01,beta1=0.8,beta2=0.95,weight_decay=0.5
  private static final double[][] LION_WEIGHT_DECAY = {
      {1.4825, -0.73625, 994.99, 0.995},
      {1.4650874999999999, -0.72256875, 990.00505, 1.000025},
      {1.4477620624999998, -0.7089559062499999, 985.04502475, 1.005024875},
      {1.4305232521874998, -0.6954111267187499, 980.10979962625, 0.9899997506249999},
      {1.4133706359265623, -0.6819340710851561, 975.1992506281188, 0.9950497518718749},
  };
  // rmsprop (defaults)
  private static final double[][] RMSPROP_DEFAULTS = {
      {1.400000019999996, -0.6500000037037036, 999.9000000022222, 1.0},
      {1.337339191914019, -0.5849646488510009, 999.829113450266, 1.0},
      {1.290433242384113, -0.5348121897225215, 999.7710906062398, 1.0},
      {1.2528255465043243, -0.4934368128340561, 999.7207161918593, 1.0},
      {1.2215710179390802, -0.4580442200866925, 999.6755478344265, 1.0},
  };
  // rmsprop lr=0.01,alpha=0.9,eps=1e-6,momentum=0.5,centered=true,weight_decay=0.01
  private static final double[][] RMSPROP_CENTERED_MOMENTUM = {
      {1.4666668824150007, -0.7166667077048843, 999.9666666743295, 0.9666777740753082},
      {1.4253446554646514, -0.6751312872849955, 999.9245097119765, 0.9823432962321795},
      {1.3839652948593981, -0.6331774708549444, 999.8809335173718, 1.0044670919427088},
      {1.344930408989709, -0.5931229567543181, 999.8380941452891, 1.0053324831698316},
      {1.308705235783541, -0.5553793054384999, 999.7963399203338, 0.9949659116786012},
  };
  // rmsprop lr=0.02,alpha=0.8,centered=true
  private static final double[][] RMSPROP_CENTERED = {
      {1.4500000025, -0.700000000462963, 999.9500000002778, 1.0},
      {1.410379713346917, -0.659810191028731, 999.9083337453357, 1.0},
      {1.3738655038541285, -0.622293068822781, 999.8683228910595, 1.0},
      {1.3383411005411168, -0.5852414293774502, 999.8276535696995, 1.0},
      {1.3030249027919842, -0.5476815613998361, 999.7850442572558, 1.0},
  };
  // rmsprop lr=0.005,momentum=0.9
  private static final double[][] RMSPROP_MOMENTUM = {
      {1.4500000099999981, -0.7000000018518518, 999.9500000011111, 1.0},
      {1.3714590039275532, -0.6209377827543445, 999.8695563342694, 1.0},
      {1.276457495622647, -0.5241180733201968, 999.7681454810669, 1.0},
      {1.1738644758604933, -0.41744769174597224, 999.651688783576, 1.0},
      {1.0709713004008148, -0.3071046765199551, 999.5242943032741, 1.0},
  };
  // adagrad (defaults)
  private static final double[][] ADAGRAD_DEFAULTS = {
      {1.490000000002, -0.7400000000003704, 999.9900000000002, 1.0},
      {1.4830007141793886, -0.7329818967737598, 999.982928947902, 1.0},
      {1.4773218482521455, -0.7272781642418102, 999.9771554658598, 1.0},
      {1.472427785939398, -0.722356195983691, 999.9721554888948, 1.0},
      {1.4680684047018298, -0.7179670398361602, 999.9676833773729, 1.0},
  };
  // adagrad lr=0.1,lr_decay=0.1,weight_decay=0.01,initial_accumulator_value=0.5,eps=1e-6
  private static final double[][] ADAGRAD_LR_DECAY_INITIAL_ACCUMULATOR = {
      {1.4411275434890483, -0.6532453150155811, 999.900118701284, 0.9985859298373707},
      {1.3991387166069669, -0.5952301912948691, 999.8358771121149, 0.9976658390717754},
      {1.3669426476554392, -0.5537365576804728, 999.7877866826544, 0.9970403587045342},
      {1.3411477833562218, -0.5216925481261573, 999.7493395407148, 0.9965997417363237},
      {1.3198498968486936, -0.4958144564580077, 999.7174060922954, 0.9962800461312679},
  };

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("sgd", "", SGD_DEFAULTS),
        Arguments.of("sgd", "lr=0.1,momentum=0.9,dampening=0.25,weight_decay=0.01", SGD_MOMENTUM_DAMPENING_WEIGHT_DECAY),
        Arguments.of("sgd", "lr=0.05,momentum=0.8,nesterov=true,weight_decay=0.001", SGD_NESTEROV),
        Arguments.of("adam", "", ADAM_DEFAULTS),
        Arguments.of("adam", "lr=0.1,beta1=0.8,beta2=0.5,eps=1e-6,weight_decay=0.05,amsgrad=true",
            ADAM_AMSGRAD_WEIGHT_DECAY),
        Arguments.of("adamw", "", ADAMW_DEFAULTS),
        Arguments.of("adamw", "lr=0.1,beta1=0.85,beta2=0.9,eps=1e-7,weight_decay=0.1", ADAMW_STRONG_DECAY),
        Arguments.of("adamw", "lr=0.1,beta2=0.5,weight_decay=0.2,amsgrad=true", ADAMW_AMSGRAD),
        Arguments.of("lion", "", LION_DEFAULTS),
        Arguments.of("lion", "lr=0.01,beta1=0.8,beta2=0.95,weight_decay=0.5", LION_WEIGHT_DECAY),
        Arguments.of("rmsprop", "", RMSPROP_DEFAULTS),
        Arguments.of("rmsprop", "lr=0.01,alpha=0.9,eps=1e-6,momentum=0.5,centered=true,weight_decay=0.01",
            RMSPROP_CENTERED_MOMENTUM),
        Arguments.of("rmsprop", "lr=0.02,alpha=0.8,centered=true", RMSPROP_CENTERED),
        Arguments.of("rmsprop", "lr=0.005,momentum=0.9", RMSPROP_MOMENTUM),
        Arguments.of("adagrad", "", ADAGRAD_DEFAULTS),
        Arguments.of("adagrad", "lr=0.1,lr_decay=0.1,weight_decay=0.01,initial_accumulator_value=0.5,eps=1e-6",
            ADAGRAD_LR_DECAY_INITIAL_ACCUMULATOR));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void five_steps_follow_the_reference_trajectory(String name, String hyperparameters, double[][] expected) {
    double[][] actual = new Quadratic().trajectory(Quadratic.optimizer(name, hyperparameters), expected.length);
    for (int k = 0; k < expected.length; k++) {
      for (int i = 0; i < expected[k].length; i++) {
        assertThat(actual[k][i])
            .as("θ_%d after step %d", i, k + 1)
            .isCloseTo(expected[k][i], within(1e-12 * Math.abs(expected[k][i])));
      }
    }
  }
}
