namespace InterviewPrep.Bench;

/// <summary>A topic a question can be about, with the tags from the shared vocabulary that fit it.</summary>
internal sealed record Topic(string Phrase, string[] Tags);

/// <summary>
/// The words the generator builds questions from: topics per category, contexts, metrics, sentence
/// templates, formulas and code. Slots in templates: {t} topic, {u} another topic, {c} context,
/// {m} metric, {a} model, {d} data, {n} number, {r} a rarely used term.
/// </summary>
internal static class Vocabulary
{
    public static readonly Dictionary<string, Topic[]> Topics = new(StringComparer.Ordinal)
    {
        ["theory"] =
        [
            new("the bias-variance trade-off", ["generalization", "regularization"]),
            new("overfitting", ["generalization", "evaluation"]),
            new("L1 and L2 regularization", ["regularization", "linear-models"]),
            new("cross-validation", ["evaluation", "generalization"]),
            new("gradient descent", ["optimization", "gradient-descent"]),
            new("the kernel trick", ["supervised", "linear-models"]),
            new("decision trees", ["trees", "supervised"]),
            new("bagging", ["ensembles", "trees"]),
            new("boosting", ["ensembles", "trees"]),
            new("logistic regression", ["classification", "linear-models"]),
            new("support vector machines", ["classification", "supervised"]),
            new("k-means clustering", ["clustering", "unsupervised"]),
            new("principal component analysis", ["dimensionality-reduction", "linear-algebra"]),
            new("maximum likelihood estimation", ["probability", "statistics"]),
            new("the curse of dimensionality", ["dimensionality-reduction", "generalization"]),
            new("naive Bayes", ["bayesian", "classification"]),
            new("early stopping", ["regularization", "optimization"]),
            new("the choice of loss function", ["loss-functions", "optimization"]),
        ],
        ["practical"] =
        [
            new("a cold-start problem", ["recommendation", "projects"]),
            new("threshold selection", ["classification", "metrics"]),
            new("offline versus online evaluation", ["evaluation", "experimentation"]),
            new("label noise", ["data-cleaning", "supervised"]),
            new("model calibration", ["classification", "evaluation"]),
            new("a baseline model", ["projects", "evaluation"]),
            new("error analysis", ["evaluation", "projects"]),
            new("feature drift", ["monitoring", "deployment"]),
            new("ranking with implicit feedback", ["recommendation", "metrics"]),
            new("anomaly detection", ["unsupervised", "monitoring"]),
            new("demand forecasting", ["time-series", "regression"]),
            new("fraud scoring", ["classification", "imbalanced-data"]),
            new("churn prediction", ["classification", "feature-engineering"]),
            new("choosing a success metric", ["metrics", "communication"]),
            new("human-in-the-loop labelling", ["projects", "data-cleaning"]),
            new("model interpretability for auditors", ["interpretability", "fairness"]),
        ],
        ["coding"] =
        [
            new("k-means", ["clustering", "numpy"]),
            new("ROC-AUC with ties", ["metrics", "algorithms"]),
            new("a numerically stable softmax", ["numpy", "neural-networks"]),
            new("a k-fold splitter", ["evaluation", "python"]),
            new("precision and recall at k", ["metrics", "python"]),
            new("linear regression by gradient descent", ["gradient-descent", "numpy"]),
            new("a bootstrap confidence interval", ["statistics", "numpy"]),
            new("reservoir sampling", ["sampling", "algorithms"]),
            new("a streaming mean and variance", ["statistics", "algorithms"]),
            new("top-k selection over a large array", ["algorithms", "data-structures"]),
            new("a decision stump", ["trees", "python"]),
            new("cosine similarity search", ["embeddings", "numpy"]),
            new("a confusion matrix", ["metrics", "python"]),
            new("one-hot encoding", ["feature-engineering", "numpy"]),
            new("an LRU cache for model predictions", ["data-structures", "python"]),
            new("stratified sampling", ["sampling", "python"]),
        ],
        ["data"] =
        [
            new("missing-value imputation", ["missing-data", "data-cleaning"]),
            new("target encoding", ["feature-engineering", "data-leakage"]),
            new("feature scaling", ["feature-engineering", "linear-models"]),
            new("outlier handling", ["data-cleaning", "statistics"]),
            new("data leakage", ["data-leakage", "evaluation"]),
            new("class rebalancing", ["imbalanced-data", "sampling"]),
            new("deduplication across splits", ["data-cleaning", "data-leakage"]),
            new("time-based splits", ["time-series", "evaluation"]),
            new("text normalization", ["nlp", "feature-engineering"]),
            new("categorical encodings", ["feature-engineering", "pandas"]),
            new("point-in-time joins", ["sql", "data-leakage"]),
            new("feature selection", ["feature-engineering", "dimensionality-reduction"]),
            new("log transforms of skewed features", ["feature-engineering", "statistics"]),
            new("window functions in SQL", ["sql", "feature-engineering"]),
            new("data validation checks", ["data-cleaning", "mlops"]),
            new("sampling for fast iteration", ["sampling", "data-cleaning"]),
        ],
        ["frameworks"] =
        [
            new("scikit-learn pipelines", ["scikit-learn", "python"]),
            new("PyTorch autograd", ["pytorch", "neural-networks"]),
            new("TensorFlow data loading", ["tensorflow", "scaling"]),
            new("pandas group-by operations", ["pandas", "python"]),
            new("NumPy broadcasting", ["numpy", "python"]),
            new("mixed-precision training", ["pytorch", "scaling"]),
            new("experiment tracking", ["mlops", "projects"]),
            new("model serialization", ["deployment", "python"]),
            new("distributed data parallel training", ["pytorch", "scaling"]),
            new("a custom scikit-learn transformer", ["scikit-learn", "feature-engineering"]),
            new("GPU memory management", ["pytorch", "scaling"]),
            new("vectorized feature code", ["numpy", "pandas"]),
            new("a managed training service in the cloud", ["cloud", "mlops"]),
            new("hyperparameter search tooling", ["optimization", "mlops"]),
            new("dataframe memory usage", ["pandas", "scaling"]),
            new("reproducible random seeds", ["python", "experimentation"]),
        ],
        ["statistics"] =
        [
            new("p-values", ["hypothesis-testing", "statistics"]),
            new("confidence intervals", ["statistics", "probability"]),
            new("the central limit theorem", ["probability", "statistics"]),
            new("Bayes' theorem", ["bayesian", "probability"]),
            new("an A/B test", ["ab-testing", "experimentation"]),
            new("statistical power", ["hypothesis-testing", "experimentation"]),
            new("multiple comparisons", ["hypothesis-testing", "statistics"]),
            new("correlation versus causation", ["causal-inference", "statistics"]),
            new("the bootstrap", ["statistics", "sampling"]),
            new("eigenvalues and eigenvectors", ["linear-algebra", "dimensionality-reduction"]),
            new("the chain rule", ["calculus", "neural-networks"]),
            new("conditional probability", ["probability", "bayesian"]),
            new("Simpson's paradox", ["causal-inference", "statistics"]),
            new("maximum a posteriori estimation", ["bayesian", "statistics"]),
            new("variance reduction in experiments", ["ab-testing", "experimentation"]),
            new("the exponential family", ["probability", "statistics"]),
        ],
        ["deep-learning"] =
        [
            new("backpropagation", ["neural-networks", "calculus"]),
            new("vanishing gradients", ["neural-networks", "optimization"]),
            new("batch normalization", ["neural-networks", "optimization"]),
            new("dropout", ["neural-networks", "regularization"]),
            new("self-attention", ["transformers", "nlp"]),
            new("positional encodings", ["transformers", "llm"]),
            new("tokenization", ["llm", "nlp"]),
            new("LoRA fine-tuning", ["fine-tuning", "llm"]),
            new("retrieval-augmented generation", ["retrieval", "llm"]),
            new("convolutional layers", ["cnn", "computer-vision"]),
            new("recurrent networks", ["rnn", "time-series"]),
            new("the KV cache", ["llm", "scaling"]),
            new("quantization", ["llm", "deployment"]),
            new("contrastive embeddings", ["embeddings", "retrieval"]),
            new("learning-rate warm-up", ["optimization", "transformers"]),
            new("hallucination measurement", ["llm", "evaluation"]),
            new("preference tuning", ["llm", "fine-tuning"]),
            new("residual connections", ["neural-networks", "cnn"]),
        ],
        ["system-design"] =
        [
            new("a feature store", ["mlops", "feature-engineering"]),
            new("online serving latency", ["deployment", "scaling"]),
            new("batch versus real-time inference", ["deployment", "scaling"]),
            new("model monitoring", ["monitoring", "mlops"]),
            new("a retraining schedule", ["mlops", "monitoring"]),
            new("a two-stage recommender", ["recommendation", "retrieval"]),
            new("shadow deployment", ["deployment", "experimentation"]),
            new("a vector index", ["retrieval", "embeddings"]),
            new("a training data pipeline", ["mlops", "data-cleaning"]),
            new("canary releases for models", ["deployment", "monitoring"]),
            new("cost control for inference", ["cloud", "scaling"]),
            new("privacy in the data pipeline", ["privacy", "mlops"]),
            new("a search ranking service", ["retrieval", "recommendation"]),
            new("model versioning and rollback", ["mlops", "deployment"]),
            new("fairness checks before launch", ["fairness", "monitoring"]),
            new("an LLM gateway", ["llm", "deployment"]),
        ],
        ["behavioral"] =
        [
            new("a project that failed", ["projects", "career"]),
            new("a disagreement with a product manager", ["communication", "teamwork"]),
            new("explaining results to executives", ["communication", "leadership"]),
            new("a tight deadline", ["projects", "teamwork"]),
            new("mentoring a junior colleague", ["leadership", "teamwork"]),
            new("a mistake you made in production", ["projects", "monitoring"]),
            new("choosing a simple model over a complex one", ["projects", "communication"]),
            new("leading without authority", ["leadership", "teamwork"]),
            new("learning a new field quickly", ["career", "projects"]),
            new("prioritizing competing requests", ["leadership", "communication"]),
            new("hard feedback you received", ["career", "communication"]),
            new("your proudest project", ["projects", "career"]),
            new("an ethical concern about a model", ["fairness", "communication"]),
            new("working with a data engineering team", ["teamwork", "mlops"]),
            new("why you want this role", ["career", "communication"]),
            new("a time the data was wrong", ["data-cleaning", "projects"]),
        ],
    };

    public static readonly string[] Contexts =
    [
        "a fraud detection model", "a search ranking system", "a churn prediction model", "a medical imaging classifier",
        "a retail demand forecast", "a news recommendation feed", "a customer support chatbot", "an ad click-through model",
        "a credit scoring model", "a spam filter", "a speech recognition system", "a dynamic pricing service",
        "a content moderation pipeline", "a predictive maintenance system", "a document search engine",
        "a music recommendation app", "an arrival-time estimate for rides", "an email triage tool",
        "a product image classifier", "a machine translation service", "a job matching platform",
        "an insurance claims model", "a warehouse robot's vision system", "a code completion assistant",
    ];

    public static readonly string[] Metrics =
    [
        "recall at the top 1%", "ROC-AUC", "log loss", "precision", "the F1 score", "mean absolute error",
        "NDCG at 10", "expected calibration error", "click-through rate", "RMSE", "top-1 accuracy", "perplexity",
        "PR-AUC", "mean reciprocal rank", "the false positive rate",
    ];

    public static readonly string[] Models =
    [
        "a logistic regression", "a gradient-boosted tree model", "a random forest", "a small feed-forward network",
        "a linear model with hashed features", "a fine-tuned transformer", "a two-tower retrieval model",
        "a k-nearest-neighbours baseline", "a regularized linear regression",
    ];

    public static readonly string[] Data =
    [
        "ten million rows of click logs", "a few thousand labelled images", "three years of daily sales",
        "a table with 400 sparse features", "half a million support tickets", "sensor readings sampled every second",
        "a clinical dataset of 2,000 patients", "a week of search queries", "a billion user-item interactions",
        "survey answers from 5,000 customers",
    ];

    /// <summary>Words that most answers never use; drawn with a long-tailed (Zipf) distribution, so some are rare.</summary>
    public static readonly string[] RareTerms =
    [
        "Mahalanobis", "Wasserstein", "Nesterov", "Hessian", "Jacobian", "Gumbel", "Dirichlet", "Cholesky",
        "Kolmogorov-Smirnov", "Levenshtein", "Huber", "Tikhonov", "Platt", "isotonic", "Brier", "Matthews",
        "Youden", "Shapley", "Benjamini-Hochberg", "Bonferroni", "Welch", "Wilcoxon", "Kaplan-Meier", "Spearman",
        "Kendall", "Bayesian optimization", "Thompson sampling", "Metropolis-Hastings", "Gibbs sampling", "Nyström",
        "Laplace smoothing", "Good-Turing", "Lagrangian", "Karush-Kuhn-Tucker", "Rademacher", "Vapnik-Chervonenkis",
        "Hoeffding", "Chebyshev", "Markov blanket", "Granger", "Durbin-Watson", "Breusch-Pagan", "Box-Cox",
        "Yeo-Johnson", "Tweedie", "Poisson", "negative binomial", "zero-inflated", "Cox proportional hazards",
        "Fisher information", "Cramér-Rao", "Rao-Blackwell", "Jeffreys prior", "Polyak averaging", "Lookahead",
        "Adafactor", "Shampoo", "LAMB", "Lion", "RMSprop", "Adagrad", "cyclical learning rate", "SWA", "Mixup",
        "CutMix", "RandAugment", "label smoothing", "focal loss", "triplet loss", "InfoNCE", "hinge loss",
        "quantile loss", "pinball loss", "Hamming distance", "Jaccard index", "MinHash", "SimHash", "HNSW",
        "product quantization", "locality-sensitive hashing", "Bloom filter", "count-min sketch", "HyperLogLog",
        "t-SNE", "UMAP", "Isomap", "spectral clustering", "DBSCAN", "HDBSCAN", "Gaussian mixture", "Kalman filter",
        "Holt-Winters", "ARIMA", "Prophet", "exponential smoothing", "conformal prediction", "Venn-Abers",
        "Dawid-Skene", "Snorkel", "weak supervision", "co-training", "pseudo-labelling", "knowledge distillation",
        "pruning", "mixture of experts", "speculative decoding", "beam search", "nucleus sampling", "ALiBi",
        "rotary embeddings", "FlashAttention", "grouped-query attention", "SentencePiece", "byte-pair encoding",
        "WordPiece", "GloVe", "word2vec", "fastText", "ELMo", "doc2vec", "Siamese", "ResNet", "U-Net", "YOLO",
        "Mask R-CNN", "EfficientNet", "ViT", "CLIP", "diffusion", "VAE", "GAN", "normalizing flows",
        "counterfactual", "propensity score", "instrumental variable", "difference-in-differences", "CUPED",
        "sequential testing", "multi-armed bandit", "uplift modelling", "interleaving", "off-policy evaluation",
        "differential privacy", "federated learning", "k-anonymity", "homomorphic encryption",
    ];

    public static readonly string[] TitleTemplates =
    [
        "What is {t}, and why does it matter?",
        "How would you explain {t} to a new teammate?",
        "When does {t} fail, and what do you do about it?",
        "How does {t} interact with {u}?",
        "Compare {t} and {u}: which would you choose for {c}?",
        "How would you apply {t} to {c}?",
        "What are the trade-offs of {t} in {c}?",
        "How would you debug {c} where {t} seems to hurt {m}?",
        "Walk me through {t} on {d}.",
        "What would you check first if {t} stopped working in {c}?",
        "How would you measure the effect of {t} on {m}?",
        "What changes about {t} when you move from {d} to {c}?",
    ];

    public static readonly string[] CodingTitleTemplates =
    [
        "Implement {t} from scratch in Python and NumPy.",
        "Implement {t} for {c} and state its time and space complexity.",
        "Write {t} without scikit-learn, and test it against a brute-force version.",
        "Implement {t} so that it scales to {d}.",
        "Code {t}, then explain how you would use it in {c}.",
        "Implement {t} and handle the edge cases an interviewer would probe.",
        "Implement {t}, then show how you would check it against {m} on {d}.",
        "Write {t} in plain Python, then vectorize it for {d}.",
        "Implement {t} and explain how it would feed {a} in {c}.",
    ];

    public static readonly string[] BehavioralTitleTemplates =
    [
        "Tell me about {t}.",
        "Tell me about {t} while you worked on {c}.",
        "Describe {t}: what did you do, and what was the result?",
        "Walk me through {t}, and what you would do differently now.",
        "Give an example of {t} that involved {u}.",
        "What did {t} teach you about working on {c}?",
        "Tell me about {t}, on a project where {m} was the number everyone watched.",
        "Describe {t} on {c}, and how you knew it had worked.",
        "How did you handle {t} when the team was also dealing with {u}?",
    ];

    public static readonly string[] Headings =
    [
        "How it works", "Why it matters", "The intuition", "In practice", "Trade-offs", "Common pitfalls",
        "When it fails", "What to measure", "A worked example", "Edge cases", "At scale", "Choosing between options",
        "What to check first", "How to explain it",
    ];

    public static readonly string[] AnswerSentences =
    [
        "{T} matters most when the training data is small relative to the number of features.",
        "In {c}, {t} decides whether the offline gains survive contact with production traffic.",
        "A useful way to think about {t} is as a dial between fitting the data you have and generalizing to the data you will see.",
        "The usual mistake is to tune {t} on the test set, which quietly turns the test set into a second validation set.",
        "Compared with {u}, {t} is cheaper to compute but more sensitive to how the data was collected.",
        "On {d}, the effect of {t} is easy to measure: train twice, change one thing, and compare {m} on a held-out split.",
        "Most libraries expose {t} through one or two hyperparameters, and their defaults are rarely right for {c}.",
        "The {r} view gives the same answer from a different angle, which is a good sign that the intuition is sound.",
        "When {t} goes wrong, the first symptom is usually a gap between training and validation {m}.",
        "Plotting learning curves tells you whether more data, more capacity or more regularization will help.",
        "A strong candidate connects {t} to {u}, because the two interact in almost every real pipeline.",
        "With {n} examples per class, variance dominates and simple models tend to win.",
        "The cost is extra computation at training time, not at inference time, which matters for {c}.",
        "It is worth checking the assumption directly: a quick residual plot or a calibration curve often settles the question.",
        "If the features are on very different scales, standardize them first; otherwise {t} behaves unevenly across them.",
        "In production, monitor {m} per segment, since an average can hide a segment that has drifted.",
        "{T} is not free: it adds a hyperparameter, and every hyperparameter needs a validation strategy.",
        "The textbook derivation assumes independent and identically distributed samples, which {d} rarely are.",
        "For {c}, a simple baseline such as {a} sets the bar that anything more complex has to beat.",
        "Think about what the model sees at prediction time, and build every feature from information available at that moment.",
        "Averaging over several random seeds shows how much of a difference is real and how much is noise.",
        "A {r} correction is the standard fix when this assumption fails.",
        "Because {t} changes the effective capacity of the model, it should be tuned together with the learning rate, not after it.",
        "Interviewers like to hear a number: for example, that {t} moved {m} from 0.71 to 0.74 on a fixed validation split.",
        "In deep networks the same idea appears as weight decay, dropout and data augmentation.",
        "The gradient points in the direction of steepest increase, so each update steps against it, scaled by the learning rate.",
        "If you can only afford one experiment, change the data before you change the model.",
        "Log every run with its configuration, data version and metrics, so that a surprising result can be reproduced.",
        "A confusion matrix at the chosen threshold is often more persuasive to stakeholders than a single summary score.",
        "Leakage is the most common reason a result looks too good, so rule it out before celebrating.",
        "{T} also shapes how you explain the model: simpler structure makes the predictions easier to audit.",
        "When labels are noisy, {t} helps less than cleaning a few hundred of the most influential examples.",
        "The {r} approach is rarely needed in practice, but knowing it exists shows depth.",
        "Latency budgets in {c} often rule out the most accurate option, so measure inference cost early.",
        "A held-out set that mirrors the deployment distribution is worth more than any clever trick.",
        "Time-ordered data needs a time-ordered split; a random split leaks the future into training.",
        "Batch size, learning rate and {t} are coupled, so change one at a time and record the effect.",
        "For imbalanced classes, report precision and recall alongside {m}, not accuracy alone.",
        "Calibrated probabilities matter whenever a downstream system turns scores into decisions or costs.",
        "The bias-variance view explains why the same change can help one model and hurt another.",
        "Feature importance from a tree ensemble is biased toward high-cardinality features; permutation importance is safer.",
        "A small ablation table, one change per row, is the clearest way to show what each component contributes.",
        "At the scale of {d}, sampling a representative subset for fast iteration saves days of compute.",
        "Start with the simplest model that could work, then add complexity only where the errors point.",
        "Compared with {a}, a model built around {t} needs more care in tuning but usually less feature work.",
        "Where {t} meets {r}, the details get subtle, and it is fine to say so and reason from first principles.",
        "Teams that skip a written evaluation plan for {c} tend to argue about {m} after the fact.",
        "Most of the gain usually comes from the first, simplest version of {t}; later refinements add little.",
    ];

    public static readonly string[] Bullets =
    [
        "**Data first.** Check how the labels were produced before trusting any metric built on them.",
        "**Capacity.** More parameters lower the bias but raise the variance; {t} moves that balance.",
        "**Validation.** Tune on a validation split or with cross-validation, never on the test set.",
        "**Cost.** Account for training time, inference latency and the engineering time to maintain it.",
        "**Robustness.** Check behaviour on rare segments, not only on the average case.",
        "**Interpretability.** Say how you would explain a single prediction to someone affected by it.",
        "**Monitoring.** Decide which signal would tell you, after launch, that {t} stopped helping.",
        "**Baselines.** Compare against {a} so the improvement has a reference point.",
        "**Reproducibility.** Fix seeds, version the data and record the configuration of every run.",
        "**Scale.** At the size of {d}, memory and input pipelines become the bottleneck before compute does.",
        "**Metric choice.** {M} rewards different behaviour than accuracy, so pick it before you tune.",
        "**Assumptions.** Write down what must hold for {t} to work, and test each assumption cheaply.",
    ];

    public static readonly string[] NumberedSteps =
    [
        "Reproduce the problem on a small, fixed sample.",
        "Compare training and validation {m} to locate the error.",
        "Change one factor at a time and record the result.",
        "Check the data pipeline for leakage and duplicates.",
        "Try {t} with two or three settings, chosen on a log scale.",
        "Confirm the gain on a second split or a second time period.",
        "Write down the decision and the evidence behind it.",
        "Plan how the change will be monitored after launch.",
    ];

    public static readonly string[] HowToSentences =
    [
        "The interviewer wants to know whether you understand {t} well enough to use it under pressure, not just to define it.",
        "Start with a one-sentence definition, then give the intuition, then a concrete example from {c}.",
        "Name the trade-off explicitly and say which side you would favour and why.",
        "Mention how you would validate the choice, ideally with a number.",
        "Close with a limitation or a case where you would not use {t}.",
        "Avoid reciting formulas without saying what each term means.",
        "A common mistake is to confuse {t} with {u}; say how they differ in one sentence.",
        "Keep the answer under two minutes and leave room for follow-ups.",
        "If you have used {t} in a project, mention it briefly: what changed and by how much.",
        "Interviewers reward candidates who say what they would check first when a result looks wrong.",
        "Do not claim that {t} always helps; the honest answer depends on the data.",
        "Sketch the math only if asked, and keep the notation consistent.",
    ];

    public static readonly string[] HowToSteps =
    [
        "Define {t} in one sentence.",
        "Give the intuition with a picture or an analogy.",
        "Walk through an example from {c}.",
        "State the main trade-off and how you would tune it.",
        "Say how you would measure the effect, for example with {m}.",
        "End with a limitation or an alternative such as {u}.",
    ];

    public static readonly string[] Mistakes =
    [
        "tuning on the test set", "ignoring class imbalance", "quoting accuracy alone", "forgetting the baseline",
        "skipping the edge cases", "confusing correlation with causation", "leaking future data into features",
        "giving no numbers", "over-claiming what the model can do", "ignoring latency and cost",
    ];

    public static readonly string[] ExampleSentences =
    [
        "I think of {t} as a way to trade a little bias for a large drop in variance.",
        "In my last project, {c}, we relied on {t}, and it moved {m} by about {n} percent.",
        "I would start with {a} as a baseline and only then try {t}.",
        "The key thing I check is whether the validation split looks like production traffic.",
        "If the gap between training and validation {m} grows, I reach for {t} or for more data.",
        "Compared with {u}, I find {t} easier to explain to stakeholders.",
        "I would tune it with cross-validation and report the spread across folds, not just the mean.",
        "The main risk is leakage, so I build every feature from data available at prediction time.",
        "Once it is deployed, I would monitor {m} per segment and set an alert on drift.",
        "So my short answer is: use {t} when the data is limited and the model is flexible.",
        "For {c} I would also watch latency, because the best offline model is not always shippable.",
        "I would explain the result with one chart and one number.",
        "Honestly, the first version was wrong, and finding out why taught me more than the fix did.",
    ];

    public static readonly string[] KeyPoints =
    [
        "Defines {t} in one sentence before going into detail.",
        "Says when {u} is the better choice than {t}.",
        "Names the main failure mode of {t} and how to detect it.",
        "Connects {t} to the {r} idea.",
        "Gives a concrete example with {m} as the metric.",
        "States the cost of {t} in time and memory.",
    ];

    public static readonly string[] FollowUps =
    [
        "How would {t} change if the data were ten times larger?",
        "When would you prefer {u} over {t}?",
        "How would you explain {t} to a product manager?",
        "What would you monitor after deploying a model that relies on {t}?",
        "How does {t} behave when the classes are heavily imbalanced?",
        "What goes wrong with {t} on time-ordered data?",
        "How would you test that {t} is implemented correctly?",
        "Where does the {r} idea fit into this?",
        "How would you choose the settings of {t} under a tight compute budget?",
        "What would you do if {m} improved offline but not in an A/B test?",
    ];

    public static readonly (string Latex, string Explanation)[] Formulas =
    [
        (@"\hat{\beta} = \arg\min_{\beta} \sum_{i=1}^{n} \left( y_i - x_i^\top \beta \right)^2 + \lambda \lVert \beta \rVert_2^2",
            @"Here $\lambda$ sets the strength of the penalty; choose it by validation, not by habit."),
        (@"\operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j} e^{z_j}}",
            @"Subtracting $\max_j z_j$ from every logit first leaves the result unchanged and avoids overflow."),
        (@"\mathcal{L} = -\frac{1}{n} \sum_{i=1}^{n} \left( y_i \log \hat{y}_i + (1 - y_i) \log (1 - \hat{y}_i) \right)",
            @"Each term punishes a confident wrong $\hat{y}_i$ far more than a hesitant one."),
        (@"\theta_{t+1} = \theta_t - \eta \nabla_\theta \mathcal{L}(\theta_t)",
            @"The learning rate $\eta$ trades speed for stability; too large and the loss oscillates."),
        (@"\mathbb{E}\left[ (y - \hat{f}(x))^2 \right] = \operatorname{Bias}[\hat{f}(x)]^2 + \operatorname{Var}[\hat{f}(x)] + \sigma^2",
            @"The last term, $\sigma^2$, is noise that no model can remove."),
        (@"\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\left( \frac{QK^\top}{\sqrt{d_k}} \right) V",
            @"Dividing by $\sqrt{d_k}$ keeps the dot products from saturating the softmax."),
        (@"P(A \mid B) = \frac{P(B \mid A)\, P(A)}{P(B)}",
            @"The prior $P(A)$ matters most when the evidence is weak or the event is rare."),
        (@"F_1 = \frac{2 \cdot \text{precision} \cdot \text{recall}}{\text{precision} + \text{recall}}",
            @"A harmonic mean, so $F_1$ stays low unless both parts are high."),
        (@"D_{\mathrm{KL}}(P \parallel Q) = \sum_{x} P(x) \log \frac{P(x)}{Q(x)}",
            @"It is not symmetric: swapping $P$ and $Q$ changes which mistakes are punished."),
        (@"t = \frac{\bar{x}_1 - \bar{x}_2}{\sqrt{s_1^2 / n_1 + s_2^2 / n_2}}",
            @"With large $n_1$ and $n_2$ the statistic is close to normal, whatever the data's shape."),
        (@"\text{tf-idf}(t, d) = \text{tf}(t, d) \cdot \log \frac{N}{\text{df}(t)}",
            @"Words that appear in every document get a weight near $0$."),
        (@"\begin{aligned} m_t &= \beta_1 m_{t-1} + (1 - \beta_1) g_t \\ v_t &= \beta_2 v_{t-1} + (1 - \beta_2) g_t^2 \end{aligned}",
            @"The moving averages $m_t$ and $v_t$ are bias-corrected before the update."),
        (@"\text{Gini}(S) = 1 - \sum_{k=1}^{K} p_k^2",
            @"It is $0$ for a pure node and largest when the $K$ classes are equally mixed."),
        (@"z = \frac{x - \mu}{\sigma}",
            @"Compute $\mu$ and $\sigma$ on the training split only, then reuse them everywhere else."),
    ];

    public static readonly string[] InlineMath =
    [
        "$O(n \\log n)$", "$\\lambda$", "$\\hat{y}$", "$k$", "$\\eta = 0.01$", "$p < 0.05$", "$\\sigma^2$", "$\\sqrt{n}$",
        "$O(nd)$", "$\\mathbb{E}[X]$", "$x_i$",
    ];

    /// <summary>Working Python snippets; {f} is replaced by a function name.</summary>
    public static readonly (string Code, string Complexity)[] Code =
    [
        (""""
        import numpy as np

        def {f}(X_train, X_other):
            """Standardize with statistics from the training split only."""
            mu = X_train.mean(axis=0)
            sigma = X_train.std(axis=0)
            sigma[sigma == 0] = 1.0  # a constant column stays constant
            return (X_train - mu) / sigma, (X_other - mu) / sigma
        """", "It is $O(nd)$ in time and memory for $n$ rows and $d$ features."),
        (""""
        import numpy as np

        def {f}(n, k, seed=0):
            """Yield (train, validation) index arrays for k folds."""
            rng = np.random.default_rng(seed)
            order = rng.permutation(n)
            folds = np.array_split(order, k)
            for i in range(k):
                train = np.concatenate([f for j, f in enumerate(folds) if j != i])
                yield train, folds[i]
        """", "Each fold costs $O(n)$, so all $k$ folds cost $O(nk)$."),
        (""""
        import numpy as np

        def {f}(z):
            """Softmax over the last axis, safe for large logits."""
            z = np.asarray(z, dtype=float)
            shifted = z - z.max(axis=-1, keepdims=True)
            e = np.exp(shifted)
            return e / e.sum(axis=-1, keepdims=True)
        """", "One pass over the input: $O(n)$ time and $O(n)$ space."),
        (""""
        def {f}(y_true, y_pred, positive=1):
            """Precision and recall for one class; zero when undefined."""
            tp = sum(1 for t, p in zip(y_true, y_pred) if t == positive and p == positive)
            fp = sum(1 for t, p in zip(y_true, y_pred) if t != positive and p == positive)
            fn = sum(1 for t, p in zip(y_true, y_pred) if t == positive and p != positive)
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            return precision, recall
        """", "Three linear passes: $O(n)$ time and $O(1)$ extra space."),
        (""""
        import numpy as np

        def {f}(X, k, iters=100, seed=0):
            """Lloyd's algorithm with random initial centres."""
            rng = np.random.default_rng(seed)
            centres = X[rng.choice(len(X), size=k, replace=False)]
            for _ in range(iters):
                d = ((X[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
                labels = d.argmin(axis=1)
                new = np.array([X[labels == j].mean(axis=0) if np.any(labels == j) else centres[j] for j in range(k)])
                if np.allclose(new, centres):
                    break
                centres = new
            return centres, labels
        """", "Each iteration is $O(nkd)$; the distance matrix needs $O(nk)$ memory."),
        (""""
        import numpy as np

        def {f}(X, y, lr=0.1, epochs=500):
            """Least squares by batch gradient descent."""
            X = np.c_[np.ones(len(X)), X]
            w = np.zeros(X.shape[1])
            for _ in range(epochs):
                grad = 2 / len(X) * X.T @ (X @ w - y)
                w -= lr * grad
            return w
        """", "Each epoch is $O(nd)$, and the weights take $O(d)$ memory."),
        (""""
        import numpy as np

        def {f}(values, stat=np.mean, n_boot=2000, alpha=0.05, seed=0):
            """Percentile bootstrap confidence interval for a statistic."""
            rng = np.random.default_rng(seed)
            values = np.asarray(values)
            stats = [stat(rng.choice(values, size=len(values), replace=True)) for _ in range(n_boot)]
            return np.quantile(stats, [alpha / 2, 1 - alpha / 2])
        """", "It costs $O(Bn)$ for $B$ resamples of $n$ values."),
    ];

    public static readonly string[] FunctionNames =
    [
        "standardize", "kfold_indices", "stable_softmax", "precision_recall", "kmeans", "fit_linear", "bootstrap_ci",
    ];
}
