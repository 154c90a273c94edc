#include "learn/logistic.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace demarche::learn {
namespace {

double sigmoid(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

// Samples drawn from a known model, with a prior too weak to matter.
LogisticProblem synthetic(const Eigen::VectorXd& truth, Eigen::Index samples, unsigned seed) {
  std::mt19937 random(seed);
  std::bernoulli_distribution present(0.3);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  LogisticProblem p;
  const Eigen::Index k = truth.size();
  p.design = Eigen::MatrixXd::Zero(samples, k);
  p.offset = Eigen::VectorXd::Zero(samples);
  p.labels = Eigen::VectorXd::Zero(samples);
  for (Eigen::Index i = 0; i < samples; ++i) {
    p.design(i, 0) = 1.0;  // intercept
    for (Eigen::Index j = 1; j < k; ++j) p.design(i, j) = present(random) ? 1.0 : 0.0;
    const double eta = p.design.row(i).dot(truth);
    p.labels[i] = unit(random) < sigmoid(eta) ? 1.0 : 0.0;
  }
  p.prior_mean = Eigen::VectorXd::Zero(k);
  p.prior_precision = Eigen::VectorXd::Constant(k, 1e-6);
  return p;
}

TEST(Logistic, RecoversKnownCoefficientsFromEnoughData) {
  Eigen::VectorXd truth(4);
  truth << -2.0, 1.5, -1.0, 0.7;
  const LogisticFit fit = fit_logistic(synthetic(truth, 40000, 5));
  ASSERT_TRUE(fit.converged);
  for (Eigen::Index j = 0; j < truth.size(); ++j)
    EXPECT_NEAR(fit.coefficients[j], truth[j], 0.1) << "coefficient " << j;
}

TEST(Logistic, ACoefficientWithoutDataStaysAtItsPriorMean) {
  Eigen::VectorXd truth(2);
  truth << -1.0, 0.0;
  LogisticProblem p = synthetic(truth, 500, 9);
  p.design.col(1).setZero();  // the feature never occurs
  p.prior_mean[1] = 2.5;
  p.prior_precision[1] = 1.0;
  const LogisticFit fit = fit_logistic(p);
  ASSERT_TRUE(fit.converged);
  EXPECT_NEAR(fit.coefficients[1], 2.5, 1e-9);
}

TEST(Logistic, PerfectlySeparatedDataGivesAFiniteCoefficientAboveThePrior) {
  LogisticProblem p;
  const Eigen::Index n = 200;
  p.design = Eigen::MatrixXd::Zero(n, 2);
  p.offset = Eigen::VectorXd::Zero(n);
  p.labels = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    p.design(i, 0) = 1.0;
    if (i % 4 == 0) {
      p.design(i, 1) = 1.0;
      p.labels[i] = 1.0;  // the feature is always right
    }
  }
  p.prior_mean = Eigen::VectorXd::Zero(2);
  p.prior_mean[1] = 2.0;
  p.prior_precision = Eigen::VectorXd::Constant(2, 1.0);
  const LogisticFit fit = fit_logistic(p);
  ASSERT_TRUE(fit.converged);
  EXPECT_TRUE(std::isfinite(fit.coefficients[1]));
  EXPECT_GT(fit.coefficients[1], 2.0);
  EXPECT_LT(fit.coefficients[1], 20.0);
}

// What a weak prior allows on perfectly separated data: far out, unless bounded.
LogisticProblem separated_with_weak_prior() {
  LogisticProblem p;
  const Eigen::Index n = 400;
  p.design = Eigen::MatrixXd::Zero(n, 2);
  p.offset = Eigen::VectorXd::Zero(n);
  p.labels = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    p.design(i, 0) = 1.0;
    if (i % 4 == 0) {
      p.design(i, 1) = 1.0;
      p.labels[i] = 1.0;
    }
  }
  p.prior_mean = Eigen::VectorXd::Zero(2);
  p.prior_precision = Eigen::VectorXd::Constant(2, 0.01);
  return p;
}

TEST(Logistic, BoundsHoldCoefficientsThatWouldRunAway) {
  const LogisticFit free = fit_logistic(separated_with_weak_prior());
  ASSERT_TRUE(free.converged);
  EXPECT_GT(free.coefficients[1], 8.0);  // the weak prior lets it run
  LogisticProblem p = separated_with_weak_prior();
  p.lower = Eigen::VectorXd::Constant(2, -3.0);
  p.upper = Eigen::VectorXd::Constant(2, 3.0);
  const LogisticFit fit = fit_logistic(p);
  ASSERT_TRUE(fit.converged);
  EXPECT_DOUBLE_EQ(fit.coefficients[1], 3.0);
  // The intercept is inside its box and free: it settles where its own
  // gradient is zero given the held coefficient.
  EXPECT_GT(fit.coefficients[0], -3.0);
  EXPECT_LT(fit.coefficients[0], 3.0);
}

TEST(Logistic, BoundsThatDoNotBindChangeNothing) {
  Eigen::VectorXd truth(3);
  truth << -1.0, 1.5, -0.5;
  LogisticProblem p = synthetic(truth, 5000, 11);
  const LogisticFit free = fit_logistic(p);
  p.lower = Eigen::VectorXd::Constant(3, -6.9);
  p.upper = Eigen::VectorXd::Constant(3, 6.9);
  const LogisticFit bounded = fit_logistic(p);
  ASSERT_TRUE(free.converged);
  ASSERT_TRUE(bounded.converged);
  for (Eigen::Index j = 0; j < 3; ++j)
    EXPECT_NEAR(bounded.coefficients[j], free.coefficients[j], 1e-8) << "coefficient " << j;
}

TEST(Logistic, TheOffsetIsHeldFixed) {
  Eigen::VectorXd truth(1);
  truth << -1.0;
  LogisticProblem with_offset = synthetic(truth, 20000, 3);
  // Labels drawn with intercept -1; an offset of -1 leaves 0 to learn.
  with_offset.offset = Eigen::VectorXd::Constant(with_offset.offset.size(), -1.0);
  const LogisticFit fit = fit_logistic(with_offset);
  ASSERT_TRUE(fit.converged);
  EXPECT_NEAR(fit.coefficients[0], 0.0, 0.1);
}

}  // namespace
}  // namespace demarche::learn
