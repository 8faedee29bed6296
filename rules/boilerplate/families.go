package boilerplate

import (
	"regexp"
	"strings"

	"github.com/dochygiene/hygiene/rules"
)

// The phrase families. Each is a rule of its own so users can switch one
// off; all share the matching machinery in phrases.go. Lists hold generic
// site furniture in English with basic German, French and Spanish forms;
// never strings of one particular site.

// socialNetworks are the names share bars and follow bars are made of.
var socialNetworks = []string{
	"facebook", "twitter", "x", "linkedin", "whatsapp", "pinterest", "reddit", "telegram", "instagram",
	"youtube", "tiktok", "threads", "bluesky", "mastodon", "tumblr", "flipboard", "messenger", "xing",
	"email", "e mail", "mail", "sms", "print", "copy", "link", "copy link", "rss", "feed", "share", "tweet",
	"pin", "snapchat", "discord", "vk", "line", "wechat", "weibo", "pocket", "hacker news", "hn",
}

var shareFamily = &phraseFamily{
	What:        "share prompt",
	EndMarker:   true,
	Unambiguous: true,
	Exact: []string{
		"share", "share this", "share it", "share this article", "share this post", "share the post",
		"share this story", "share article", "share post", "share story", "share this page", "share now",
		"share on facebook", "share on twitter", "share on x", "share on linkedin", "share on whatsapp",
		"share via email", "share via", "share by email", "tweet this", "pin it", "copy link", "link copied",
		"copy url", "copied", "share this with your friends", "spread the word", "share & save",
		"teilen", "artikel teilen", "diesen artikel teilen", "beitrag teilen", "jetzt teilen",
		"partager", "partager cet article", "partager sur facebook", "partager sur twitter",
		"compartir", "compartir en facebook", "compartir en twitter", "compartir este artículo",
		"# shares", "shares", "share #", "share with", "share with your friends", "share with friends",
		"share on social media", "share this page with", "like this", "share via social media",
	},
	Prefixes:   []string{"share on", "share this article on", "share via", "share to", "teilen auf", "partager sur", "compartir en"},
	Vocabulary: socialNetworks,
	MaxWords:   8,
}

var authFamily = &phraseFamily{
	What:        "login prompt",
	Unambiguous: true,
	Exact: []string{
		"login", "log in", "log in here", "signin", "sign in", "logout", "log out", "sign out", "register",
		"sign up", "sign up free", "sign up for free", "login register", "log in register", "sign in register",
		"sign in sign up", "log in sign up", "login sign up", "log in or register", "sign in or register",
		"my account", "account", "create account", "create an account", "create a free account",
		"register now", "forgot password", "forgot your password", "lost your password",
		"log in to comment", "sign in to comment", "subscriber login", "member login", "members login",
		"already have an account log in", "already have an account sign in", "don't have an account sign up",
		"anmelden", "einloggen", "abmelden", "registrieren", "konto", "mein konto",
		"connexion", "se connecter", "s'inscrire", "mon compte", "déconnexion",
		"iniciar sesión", "acceder", "registrarse", "mi cuenta", "cerrar sesión",
	},
	Prefixes: []string{"log in to", "sign in to", "login to", "already have an account", "already a member",
		"don't have an account", "create your free account", "create a free account"},
	MaxWords: 10,
}

var newsletterFamily = &phraseFamily{
	What:        "newsletter prompt",
	EndMarker:   true,
	Unambiguous: true,
	Exact: []string{
		"subscribe", "subscribe now", "subscribe today", "subscribe here", "newsletter", "newsletters",
		"our newsletter", "get the newsletter", "join our newsletter", "join our mailing list",
		"sign up for our newsletter", "subscribe to our newsletter", "subscribe to the newsletter",
		"sign up to our newsletter", "newsletter sign up", "newsletter signup", "email newsletter",
		"enter your email", "enter your email address", "your email address", "your email", "email address",
		"email address required", "first name", "last name", "i agree", "submit", "thank you for subscribing",
		"thanks for subscribing", "you're subscribed", "you are now subscribed", "get email updates",
		"newsletter abonnieren", "jetzt abonnieren", "abonnieren",
		"s'abonner", "s'abonner à la newsletter", "inscrivez vous à la newsletter", "abonnez vous",
		"suscríbete", "suscribirse", "suscríbete a nuestro boletín", "boletín",
	},
	Prefixes: []string{
		"subscribe to our", "sign up for our", "sign up to our",
		"sign up to receive", "sign up to get", "get our newsletter", "join our newsletter", "join our mailing list",
		"get the latest news", "get the best of", "stay up to date with", "stay informed with", "delivered to your inbox",
		"by subscribing you agree", "by signing up you agree", "by clicking subscribe", "by submitting your email",
		"you can unsubscribe at any time", "unsubscribe at any time", "we respect your privacy",
		"this site is protected by recaptcha", "thank you for signing up", "thanks for signing up",
		"want more stories like this", "get stories like this", "never miss a story",
	},
	MaxWords: 40,
}

// readingTimeWhole is a line that is only a reading time.
var readingTimeWhole = regexp.MustCompile(`^(# ?(min|mins|minute|minutes|minuten|minutos) (read|reading|reading time|to read|de lecture|de lectura|lesezeit|lesedauer))$|` +
	`^(estimated )?(reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura) (about )?# ?(min|mins|minute|minutes|minuten|minutos)( read)?$|` +
	`^# (reading time|read time|min read|mins read)$`)

var readingTimeShape = regexp.MustCompile(`(^|\s)(# ?(min|mins|minute|minutes|minuten|minutos) (read|reading|reading time|to read|de lecture|de lectura|lesezeit|lesedauer))$|` +
	`^(estimated )?(reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura) (about )?# ?(min|mins|minute|minutes|minuten|minutos)( read)?$|` +
	`^# (reading time|read time|min read|mins read)$`)

// readingTimeEnds are the endings every line readingTimeWhole or
// readingTimeShape matches has (both end in $): lines without one skip the
// regular expressions, which try every position of the line.
var readingTimeEnds = []string{"read", "reading", "time", "lecture", "lectura", "lesezeit", "lesedauer",
	"min", "mins", "minute", "minutes", "minuten", "minutos"}

// readingTimeWords are words one of which every reading-time shape holds.
var readingTimeWords = containsAny("min", "read", "lesezeit", "lesedauer", "lecture", "lectura")

// readingTimeHint asks first for an ending Whole and Match both need (a
// few comparisons at the line's end), then scans the line for a word:
// most lines end otherwise and are not scanned.
func readingTimeHint(norm string) bool {
	return readingTimeEnd(norm) && readingTimeWords(norm)
}

// readingTimeEnd is hasAnySuffix(norm, readingTimeEnds), asked first
// whether the line's last three bytes end one of the endings (all are at
// least that long): one bit of a small hashed set, so most lines are
// turned away without a comparison and the rest compared in full.
func readingTimeEnd(norm string) bool {
	n := len(norm)
	if n < 3 {
		return false
	}
	h := tailHash(norm[n-3], norm[n-2], norm[n-1])
	if readingTimeTails[h>>6]&(1<<(h&63)) == 0 {
		return false
	}
	return hasAnySuffix(norm, readingTimeEnds)
}

// tailHash hashes three bytes to 12 bits.
func tailHash(a, b, c byte) uint32 {
	return (uint32(a)<<16 | uint32(b)<<8 | uint32(c)) * 0x9E3779B1 >> 20
}

// readingTimeTails is the set of readingTimeEnds' last three bytes, by
// tailHash.
var readingTimeTails = func() (set [64]uint64) {
	for _, e := range readingTimeEnds {
		if len(e) < 3 {
			panic("boilerplate: a reading-time ending shorter than readingTimeEnd's three bytes: " + e)
		}
		h := tailHash(e[len(e)-3], e[len(e)-2], e[len(e)-1])
		set[h>>6] |= 1 << (h & 63)
	}
	return set
}()

var readingTimeFamily = &phraseFamily{
	What:        "reading-time line",
	Unambiguous: true,
	Anywhere:    true,
	Hint:        readingTimeHint,
	Exact:       []string{"reading time", "read time", "lesezeit", "temps de lecture", "tiempo de lectura"},
	MaxWords:    12,
	Whole: func(norm string) bool {
		return hasAnySuffix(norm, readingTimeEnds) && readingTimeWhole.MatchString(norm)
	},
	Match: func(norm, raw string) bool {
		return hasAnySuffix(norm, readingTimeEnds) && readingTimeShape.MatchString(norm)
	},
}

var relatedFamily = &phraseFamily{
	What:            "related-links list",
	PrefixSeparator: true,
	EndMarker:       true,
	Exact: []string{
		"related articles", "related posts", "related stories", "related content", "related reading",
		"related news", "related topics", "related coverage", "related links", "read more", "read next",
		"read also", "also read", "more on this topic", "more on this story", "more stories", "more news",
		"more articles", "more from", "you may also like", "you might also like", "you may also be interested in",
		"recommended", "recommended for you", "recommended articles", "recommended stories", "most popular",
		"most read", "most viewed", "trending", "trending now", "popular posts", "popular articles",
		"recent posts", "recent articles", "latest news", "latest articles", "latest posts", "latest stories",
		"keep reading", "don't miss", "editor's picks", "what to read next", "explore more",
		"more like this", "top stories", "see more", "view more", "load more", "show more", "view all",
		"see all", "more", "next article", "previous article", "next post", "previous post", "next story",
		"lesen sie auch", "mehr zum thema", "das könnte sie auch interessieren", "weitere artikel",
		"à lire aussi", "lire aussi", "sur le même sujet", "voir aussi", "articles similaires", "à lire également",
		"te puede interesar", "lee también", "noticias relacionadas", "artículos relacionados", "más noticias",
		"related", "similar posts", "similar articles", "similar stories", "related videos", "more videos",
		"more posts", "from the blog", "latest from the blog", "the latest from the blog", "more from the blog",
		"other articles", "other posts", "you may also enjoy", "you might also enjoy", "recommended posts",
		"popular stories", "read more articles", "more to explore", "related resources", "related guides",
		"related reads", "ähnliche artikel", "vous aimerez aussi", "artículos similares", "también te puede interesar",
	},
	Prefixes: []string{
		"more on this topic", "more on this story", "more from",
		"you may also like", "you might also like", "recommended reading",
		"lesen sie auch", "mehr zum thema", "à lire aussi", "lire aussi", "voir aussi", "lee también",
		"te puede interesar", "more news", "more stories",
	},
	MaxWords: 30,
}

var advertisingFamily = &phraseFamily{
	What:             "advertising or sponsor line",
	UnambiguousWords: true,
	Exact: []string{
		"advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content",
		"sponsored post", "sponsored links", "paid content", "paid post", "promoted", "promoted content",
		"partner content", "in partnership with", "story continues below advertisement",
		"article continues below advertisement", "article continues below", "continue reading below",
		"scroll to continue with content", "content continues below", "skip advertisement", "remove ads",
		"advertise with us", "advertise", "report this ad", "ad feedback", "anzeige", "werbung",
		"publicité", "publicidad", "anuncio", "patrocinado",
	},
	Prefixes: []string{
		"sponsored by", "this post is sponsored by", "this article is sponsored by", "paid for by",
		"this post may contain affiliate links", "this article contains affiliate links", "this post contains affiliate links",
		"this page contains affiliate links", "we may earn a commission", "we may earn commission",
		"as an amazon associate", "disclosure this post", "affiliate disclosure",
	},
	MaxWords: 40,
}

var cookieFamily = &phraseFamily{
	What: "cookie or consent notice",
	Exact: []string{
		"accept cookies", "accept all cookies", "accept all", "reject all", "decline all", "allow all",
		"allow all cookies", "cookie settings", "cookies settings", "manage cookies", "manage cookie preferences",
		"cookie preferences", "cookie policy", "cookie notice", "manage consent", "manage preferences",
		"privacy preferences", "privacy settings", "necessary cookies", "strictly necessary cookies",
		"functional cookies", "performance cookies", "targeting cookies", "analytics cookies",
		"do not sell or share my personal information", "do not sell my personal information",
		"your privacy choices", "i accept", "accept", "decline", "got it", "save preferences",
		"alle akzeptieren", "cookie einstellungen", "tout accepter", "tout refuser", "paramètres des cookies",
		"aceptar todas", "aceptar", "rechazar todas", "configuración de cookies",
	},
	Prefixes: []string{
		"we use cookies", "this website uses cookies", "this site uses cookies", "our website uses cookies",
		"by continuing to use this", "by continuing to browse", "by using this site", "by using this website",
		"by using our site", "we and our partners", "we value your privacy", "cookies help us",
		"wir verwenden cookies", "diese website verwendet cookies", "nous utilisons des cookies",
		"ce site utilise des cookies", "utilizamos cookies", "este sitio web utiliza cookies",
	},
	MaxWords: 60,
}

var copyrightShape = regexp.MustCompile(`^(©|\(c\)|copyright\b)\s*(\d{4}|[^,]*\b(19|20)\d\d\b)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados`)

// copyrightHint passes every line copyrightShape can match, read on the
// normalised line: its first branch is anchored at the line's start ("©",
// "(c)" normalised to "c", "copyright"), the others hold "rights
// reserved", "rechte vorbehalten", "droits réservés" or "derechos
// reservados", each with a "v". Lowering and normalising keep a word's
// letters and a single space together, so these are in the normalised
// line whenever the lowered raw line holds them. A search for the rare
// "v" costs far less than a byte-by-byte scan for seven words (this hint
// is asked about nearly every line of up to 25 words).
func copyrightHint(norm string) bool {
	if strings.HasPrefix(norm, "©") || norm == "c" || strings.HasPrefix(norm, "c ") || strings.HasPrefix(norm, "copyright") {
		return true
	}
	for i := strings.IndexByte(norm, 'v'); i >= 0; {
		before, after := norm[:i], norm[i:]
		if strings.HasSuffix(before, "rights reser") || strings.HasSuffix(before, "derechos reser") ||
			strings.HasSuffix(before, "droits réser") || strings.HasSuffix(before, "rechte ") && strings.HasPrefix(after, "vorbehalten") {
			return true
		}
		next := strings.IndexByte(after[1:], 'v')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

var copyrightFamily = &phraseFamily{
	What:     "copyright or legal footer",
	Anywhere: true,
	Hint:     copyrightHint,
	Exact: []string{
		"all rights reserved", "terms of use", "terms of service", "terms and conditions", "terms & conditions",
		"privacy policy", "privacy notice", "privacy", "legal notice", "imprint", "impressum",
		"datenschutz", "datenschutzerklärung", "mentions légales", "politique de confidentialité",
		"aviso legal", "política de privacidad", "accessibility statement", "sitemap",
		"site map", "disclaimer", "editorial policy", "corrections policy", "ethics policy",
	},
	MaxWords: 25,
	Match: func(norm, raw string) bool {
		return copyrightShape.MatchString(strings.ToLower(raw))
	},
}

var imageCreditShape = regexp.MustCompile(`^(photo|photos|photograph|image|images|picture|pic|illustration|credit|credits|image credit|photo credit|photo credits|foto|fotos|bild|bildquelle|crédit photo|crédits photo|crédit|imagen)\s*(by|courtesy|:|©)\s*\S|^(photo|image|foto|imagen|illustration)s?\s*©`)

var imageCreditFamily = &phraseFamily{
	What:        "image credit",
	Unambiguous: true,
	Starts: []string{"photo", "photos", "photograph", "image", "images", "picture", "pic", "illustration", "credit",
		"credits", "foto", "fotos", "bild", "bildquelle", "crédit", "crédits", "imagen", "©"},
	Hint:     containsAny("photo", "image", "pic", "illustration", "credit", "foto", "bild", "crédit", "imagen"),
	Exact:    []string{"getty images", "shutterstock", "istock", "unsplash", "image", "photo", "enlarge this image", "expand image", "view image", "click to enlarge", "toggle caption", "hide caption", "show caption"},
	MaxWords: 20,
	Match: func(norm, raw string) bool {
		return imageCreditShape.MatchString(strings.ToLower(raw)) && !endsWithLongSentence(norm)
	},
}

// endsWithLongSentence guards credit shapes: a caption with a credit is
// furniture, but "Source: ..." opening a long sentence is article text.
func endsWithLongSentence(norm string) bool { return wordCount(norm) > 20 }

var socialFollowFamily = &phraseFamily{
	What:      "social follow prompt",
	EndMarker: true,
	Exact: []string{
		"follow us", "follow", "follow me", "connect with us", "find us on facebook", "like us on facebook",
		"follow us on social media", "join the community",
		"folgen sie uns", "suivez nous", "síguenos", "siguenos",
	},
	Prefixes: []string{
		"follow us on", "follow us", "follow me on", "find us on", "like us on", "join us on", "connect with us on",
		"follow on", "folgen sie uns auf", "suivez nous sur", "síguenos en",
	},
	Vocabulary: socialNetworks,
	MaxWords:   10,
}

var commentsShape = regexp.MustCompile(`^(# )?(comments?|replies|kommentare?|commentaires?|comentarios?)( #)?$|^(view|show|load|read|see|hide) (all )?(# )?comments?$`)

// commentsWords are the words one of which every line commentsShape
// matches contains.
var commentsWords = []string{"comment", "replies", "kommentar", "comentario"}

var commentsFamily = &phraseFamily{
	What:        "comments widget",
	EndMarker:   true,
	Unambiguous: true,
	Starts: []string{"#", "comment", "comments", "replies", "kommentar", "kommentare", "commentaire", "commentaires",
		"comentario", "comentarios", "view", "show", "load", "read", "see", "hide"},
	Exact: []string{
		"leave a comment", "leave a reply", "post a comment", "add a comment", "write a comment", "no comments",
		"no comments yet", "comments are closed", "be the first to comment", "join the conversation",
		"join the discussion", "cancel reply", "post comment", "submit comment", "reply", "reply to this comment",
		"kommentar schreiben", "laisser un commentaire", "deja un comentario", "deja una respuesta",
	},
	Prefixes: []string{
		"your email address will not be published", "required fields are marked", "comments are closed",
		"you must be logged in to post a comment", "save my name email and website",
		"this site uses akismet", "leave a reply", "join the conversation", "be the first to",
	},
	MaxWords: 30,
	Match: func(norm, raw string) bool {
		return wordCount(norm) <= 5 && containsAnyOf(norm, commentsWords) && commentsShape.MatchString(norm)
	},
}

var printFamily = &phraseFamily{
	What:        "print or e-mail link",
	Unambiguous: true,
	Exact: []string{
		"print", "print this", "print this page", "print article", "print this article", "printer friendly",
		"printer friendly version", "print friendly", "email", "e mail", "email this", "email this article",
		"email this page", "send", "send to a friend", "send by email", "save", "save article", "save story",
		"save for later", "bookmark", "download pdf", "pdf", "download", "text size", "font size", "listen",
		"listen to this article", "listen to article", "gift this article", "gift article",
		"drucken", "artikel drucken", "imprimer", "imprimer l'article", "imprimir", "guardar", "enregistrer",
		"cite", "cite this", "cite this article", "cite this page", "save this story", "save this article",
	},
	Prefixes: []string{"listen to this article", "print this", "email this"},
	MaxWords: 8,
}

var tagsShape = regexp.MustCompile(`^\s*(tags|tagged|tagged with|tagged as|topics|topic|filed under|categories|category|posted in|keywords|schlagwörter|schlagworte|themen|étiquettes|mots clés|mots-clés|etiquetas|temas)\s*:`)

var tagsFamily = &phraseFamily{
	What:      "tag list",
	EndMarker: true,
	Starts: []string{"tags", "tagged", "topics", "topic", "filed", "categories", "category", "posted", "keywords",
		"schlagwörter", "schlagworte", "themen", "étiquettes", "mots", "etiquetas", "temas"},
	Hint:     containsAny("tag", "topic", "filed", "categor", "posted", "keyword", "schlagw", "themen", "étiquettes", "mots", "etiquetas", "temas"),
	Exact:    []string{"tags", "topics", "tagged", "categories", "filed under", "schlagwörter", "étiquettes", "etiquetas"},
	MaxWords: 30,
	Match: func(norm, raw string) bool {
		return strings.IndexByte(raw, ':') > 0 && tagsShape.MatchString(strings.ToLower(raw)) && !endsSentence([]byte(raw))
	},
}

var breadcrumbShape = regexp.MustCompile(`^(home|start|startseite|accueil|inicio)\s*(›|»|>|/|\||→|::|-)\s*\S`)

// trailSeparator is one step of a breadcrumb trail: a separator with
// spaces around it.
var trailSeparator = regexp.MustCompile(`\s(›|»|>|/|\||→|::)\s`)

// breadcrumb reports whether a line is a breadcrumb trail: "Home" and a
// separator, and past navMaxTrail words (the trail ends in the page's
// whole title: "Home » Furniture » How To Refresh And Restore Antique
// Furniture Without Refinishing") at least two separated steps and no
// sentence end.
func breadcrumb(raw string, words int) bool {
	if !breadcrumbShape.MatchString(strings.ToLower(raw)) {
		return false
	}
	return words <= navMaxTrail || len(trailSeparator.FindAllStringIndex(raw, 3)) >= 2 && !endsSentence([]byte(raw))
}

// navMaxTrail is the navigation family's MaxWords: a longer breadcrumb
// needs two separated steps.
const navMaxTrail = 8

var navigationFamily = &phraseFamily{
	What:   "navigation link",
	Starts: []string{"home", "start", "startseite", "accueil", "inicio"},
	Hint:   containsAny("home", "start", "accueil", "inicio"),
	Exact: []string{
		"home", "homepage", "home page", "menu", "main menu", "open menu", "close menu", "toggle navigation",
		"navigation", "search", "search for", "close", "skip to content", "skip to main content",
		"skip to navigation", "skip to footer", "back to top", "go to top", "top", "back",
		"about", "about us", "contact", "contact us", "careers", "jobs", "shop", "store", "blog", "news", "events", "press", "you are here", "startseite", "accueil", "inicio",
		"suche", "rechercher", "buscar", "kontakt", "nous contacter", "contacto", "über uns", "à propos", "sobre nosotros",
		"table of contents", "contents", "on this page", "in this article", "in this post", "in this guide",
		"jump to", "jump to section", "expand all", "collapse all", "quick links", "show all",
		"inhaltsverzeichnis", "inhalt", "sommaire", "table des matières", "índice", "contenido",
	},
	Prefixes:   []string{"you are here", "back to", "return to", "skip to"},
	MaxWords:   navMaxTrail,
	MatchWords: 25,
	Match: func(norm, raw string) bool {
		return breadcrumb(raw, wordCount(norm))
	},
}

var paywallFamily = &phraseFamily{
	What:        "paywall prompt",
	Unambiguous: true,
	Exact: []string{
		"subscribe to continue reading", "subscribe to read", "subscribe to read more", "continue reading",
		"to continue reading", "already a subscriber", "already a subscriber log in", "become a member",
		"become a subscriber", "unlock this article", "subscribers only", "for subscribers only",
		"exclusive to subscribers", "premium content", "members only", "start your free trial",
		"start free trial", "get unlimited access", "get full access", "weiterlesen", "jetzt weiterlesen",
		"lire la suite", "abonnez vous pour lire la suite", "seguir leyendo", "leer más", "continuar leyendo",
	},
	Prefixes: []string{
		"subscribe to continue", "subscribe to read", "this article is for subscribers", "this content is for subscribers",
		"this article is only available to", "this content is only available to", "you have reached your",
		"you've reached your", "you've read your", "you have read your", "to continue reading",
		"subscribe for full access", "subscribe for unlimited", "get unlimited access", "unlock unlimited access",
		"create a free account to continue", "register to continue reading", "log in to continue reading",
	},
	MaxWords: 30,
}

var callToActionFamily = &phraseFamily{
	What:     "call-to-action button",
	BodyHint: true,
	Exact: []string{
		"learn more", "get started", "get started free", "get started today", "start now", "try it free",
		"try for free", "try free", "start free trial", "book a demo", "request a demo", "get a demo",
		"schedule a demo", "get in touch", "contact sales", "talk to sales", "request information",
		"request a quote", "get a quote", "get a free quote", "buy now", "shop now", "order now", "buy on amazon",
		"check price", "check price on amazon", "see price", "view price", "view deal", "see deal", "get deal",
		"see details", "view details", "find out more", "discover more", "download now", "sign up now",
		"apply now", "register today", "mehr erfahren", "jetzt kaufen", "en savoir plus", "acheter",
		"más información", "comprar ahora", "saber más",
	},
	MaxWords: 6,
	NoColon:  true,
}

var datelineShape = regexp.MustCompile(`^(last |originally )?(updated|published|posted|modified|reviewed|aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado)( on| at| am| le| el)?\b\s*:?\s*(\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|$)`)

var datelineFamily = &phraseFamily{
	What:     "dateline label",
	Weak:     true,
	MaxWords: 14,
	Starts: []string{"last", "originally", "updated", "published", "posted", "modified", "reviewed", "aktualisiert",
		"veröffentlicht", "mis", "publié", "actualizado", "publicado"},
	Match: func(norm, raw string) bool {
		return !endsSentence([]byte(raw)) && datelineShape.MatchString(strings.ToLower(raw))
	},
}

var bylineFamily = &phraseFamily{
	What:        "author-box label",
	EndMarker:   true,
	Unambiguous: true,
	Exact: []string{
		"written by", "posted by", "author", "authors", "about the author", "about the authors",
		"reviewed by", "fact checked by", "edited by", "medically reviewed by", "contributor", "contributors",
		"meet the author", "more by this author", "view all posts", "view all articles", "see all articles",
		//nolint:misspell // German, French and Spanish words.
		"von", "par", "por", "autor", "auteur", "à propos de l'auteur", "sobre el autor", "über den autor",
	},
	Prefixes: []string{"written by", "posted by", "reviewed by", "fact checked by", "medically reviewed by",
		"edited by", "more articles by", "more posts by", "view all posts by"},
	MaxWords: 8,
	NoColon:  true,
}

var formFamily = &phraseFamily{
	What: "form or feedback widget",
	Exact: []string{
		"name", "first name", "last name", "full name", "phone", "phone number", "message", "your message",
		"company", "company name", "required", "submit", "send", "send message", "email protected",
		"this field is for validation purposes and should be left unchanged",
		"oops something went wrong while submitting the form",
		"thank you your submission has been received", "thank you for your submission",
		"was this page helpful", "was this article helpful", "was this helpful", "yes no",
		"thanks for your feedback", "give feedback", "rate this article", "rate this post", "submit rating",
		"average rating", "vote count",
	},
	Prefixes: []string{"this field is for validation purposes", "oops something went wrong while submitting",
		"thank you your submission has been received", "fields marked with an asterisk",
		"no votes so far", "be the first to rate", "how useful was this post", "click on a star to rate",
		"we are sorry that this post was not useful", "let us improve this post", "please enable javascript to view"},
	MaxWords: 14,
}

var shoppingShape = regexp.MustCompile(`^((\$|€|£)\s?[\d.,]+\s+)+(at|from|on)\s+\S|^(buy|shop|see|view|check price|see price|get it|buy it|see it|buy now)( it| now)? (at|on)\s+\S`)

// shoppingStarts are the beginnings one of which every line shoppingShape
// matches has (both its branches start with ^): a price or a verb.
var shoppingStarts = []string{"$", "€", "£", "buy", "shop", "see", "view", "check", "get"}

var shoppingFamily = &phraseFamily{
	What:     "shopping widget",
	Weak:     true,
	Isolated: true,
	Exact:    []string{"buy on amazon", "check price on amazon", "see price on amazon", "view on amazon", "shop now on amazon"},
	Starts:   []string{"#", "buy", "shop", "see", "view", "check", "get"},
	MaxWords: 10,
	Match: func(norm, raw string) bool {
		if endsSentence([]byte(raw)) {
			return false
		}
		lower := strings.ToLower(raw)
		return hasAnyPrefix(lower, shoppingStarts) && shoppingShape.MatchString(lower)
	},
}

// provingFamilies has the bits of the families whose matches prove the
// lines around them furniture (all but Isolated ones).
var provingFamilies uint32

// allFamilies is every phrase family, for the structural rule's evidence.
var allFamilies = []*phraseFamily{
	shareFamily, authFamily, newsletterFamily, readingTimeFamily, relatedFamily, advertisingFamily,
	cookieFamily, copyrightFamily, imageCreditFamily, socialFollowFamily, commentsFamily, printFamily,
	tagsFamily, navigationFamily, paywallFamily, callToActionFamily, bylineFamily, formFamily, shoppingFamily,
	datelineFamily,
}

func init() {
	if len(allFamilies) > 32 {
		panic("boilerplate: more phrase families than familyMatches holds")
	}
	for i, f := range allFamilies {
		f.index = i
		f.init()
		if !f.Isolated {
			provingFamilies |= 1 << i
		}
	}
	for _, f := range []*phraseFamily{readingTimeFamily, datelineFamily, bylineFamily} {
		mastheadFamilies |= 1 << f.index
	}
	indexCompoundPhrases()
	indexFamilyWords()
}

// containsAny returns a hint that passes lines containing any of words.
// The hints of the families that may match anywhere are asked about
// almost every line: one pass over the line, trying at each byte only the
// words that start with it, costs far less than a search per word (their
// first letters are common ones, where each search stops often).
func containsAny(words ...string) func(string) bool {
	var first [256]uint8 // 1 + the index in groups of the words starting with a byte
	var groups [][]string
	for _, w := range words {
		if w == "" {
			return func(string) bool { return true }
		}
		if first[w[0]] == 0 {
			groups = append(groups, nil)
			first[w[0]] = uint8(len(groups))
		}
		groups[first[w[0]]-1] = append(groups[first[w[0]]-1], w)
	}
	return func(norm string) bool {
		for i := 0; i < len(norm); i++ {
			g := first[norm[i]]
			if g == 0 {
				continue
			}
			for _, w := range groups[g-1] {
				if strings.HasPrefix(norm[i:], w) {
					return true
				}
			}
		}
		return false
	}
}

func containsAnyOf(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// The phrase rules.
var (
	SharePrompt = newPhraseRule(&rules.Rule{
		ID: "boilerplate/share-prompt", Summary: "a line that is only a share button or share bar",
		Doc: `A share bar left by the scraper: "Share the Post:", "Share this article", "Facebook Twitter Email", "Teilen", "Partager", "Compartir". The whole line must be the prompt (or only network names); "Shares in BP rose" is article text.`,
		Bad: "Share the Post:", Good: "Shares in BP rose 3% on Monday.",
	}, shareFamily)
	LoginPrompt = newPhraseRule(&rules.Rule{
		ID: "boilerplate/login-prompt", Summary: "a line that is only a login, sign-in or registration prompt",
		Doc: `The site's account links: "Login", "Sign in", "Register", "My account", "Forgot your password?", "Anmelden", "Se connecter", "Iniciar sesión". Whole lines only: "the login page was hacked" is article text.`,
		Bad: "Login", Good: "Hackers used the login page to enter the network.",
	}, authFamily)
	NewsletterPrompt = newPhraseRule(&rules.Rule{
		ID: "boilerplate/newsletter-prompt", Summary: "a newsletter sign-up prompt or its form labels",
		Doc: `Newsletter boxes: "Subscribe to our newsletter", "Enter your email address", "By subscribing you agree to ...", "Newsletter abonnieren", "S'abonner", "Suscríbete". Exact lines are certain; lines opening with a sign-up phrase (up to 40 words) are likely.`,
		Bad: "Sign up for our newsletter to get the best stories every morning", Good: "The newsletter, founded in 1998, has 40,000 readers.",
	}, newsletterFamily)
	ReadingTime = newPhraseRule(&rules.Rule{
		ID: "boilerplate/reading-time", Summary: "a reading-time line (\"5 min read\")",
		Doc: `Reading-time badges: "3 Reading time", "5 min read", "Reading time: 4 minutes", "Lesezeit: 3 Min.", "4 minutes de lecture", "3 min de lectura", also at the end of a short byline line ("By Jane Doe · 4 min read"). Lines ending in a sentence stop are left alone.`,
		Bad: "3 min read", Good: "It takes 3 minutes to read the report.",
	}, readingTimeFamily)
	RelatedLinks = newPhraseRule(&rules.Rule{
		ID: "boilerplate/related-links", Summary: "a related-links heading or line (\"Related articles\", \"More on this topic: ...\")",
		Doc: `Related-content widgets: "Related articles", "Read more", "More on this topic: ...", "You may also like", "Lesen Sie auch", "À lire aussi", "Lee también". Exact headings are certain; lines opening with such a phrase and a separator (up to 30 words) are likely. Inline "Read more: <link>" lines are left alone: authors place them in their own text.`,
		Bad: "More on this topic: Talks in Geneva and Ceasefire plans.", Good: "More on this topic will follow next week, the minister said, once the talks have ended.",
	}, relatedFamily)
	Advertising = newPhraseRule(&rules.Rule{
		ID: "boilerplate/advertising", Summary: "an advertising, sponsor or affiliate-disclosure line",
		Doc: `Ad slots and sponsor lines: "Advertisement", "Story continues below advertisement", "Sponsored by ...", "This post may contain affiliate links", "Anzeige", "Publicité", "Publicidad".`,
		Bad: "Advertisement", Good: "The advertisement ran in three newspapers.",
	}, advertisingFamily)
	CookieNotice = newPhraseRule(&rules.Rule{
		ID: "boilerplate/cookie-notice", Summary: "a cookie banner or consent notice",
		Doc: `Cookie and consent banners: "We use cookies to ...", "Accept all cookies", "Manage preferences", "Alle akzeptieren", "Tout accepter", "Aceptar todas".`,
		Bad: "We use cookies to improve your experience. Accept all", Good: "The cookies were baked with rye flour.",
	}, cookieFamily)
	Copyright = newPhraseRule(&rules.Rule{
		ID: "boilerplate/copyright", Summary: "a copyright line or legal footer link",
		Doc: `Footer lines: "© 2025 Example Media. All rights reserved.", "Copyright 2024 ...", "Terms of use", "Privacy policy", "Impressum", "Mentions légales", "Aviso legal".`,
		Bad: "© 2025 Example Media. All rights reserved.", Good: "The copyright dispute went to court in 2019.",
	}, copyrightFamily)
	ImageCredit = newPhraseRule(&rules.Rule{
		ID: "boilerplate/image-credit", Summary: "an image credit line (\"Photo: Getty Images\")",
		Doc: `Image credits and image widgets: "Photo: Jane Doe/Reuters", "Image credit: ...", "Getty Images", "Click to enlarge", "Foto: ...", "Crédit photo : ...".`,
		Bad: "Photo: Jane Doe / Getty Images", Good: "The photo was taken in 1936 near Madrid.",
	}, imageCreditFamily)
	SocialFollow = newPhraseRule(&rules.Rule{
		ID: "boilerplate/social-follow", Summary: "a social follow prompt (\"Follow us on ...\")",
		Doc: `Follow bars: "Follow us on Twitter", "Connect with us", "Folgen Sie uns", "Suivez-nous", "Síguenos", or a line of only network names.`,
		Bad: "Follow us on Instagram", Good: "Millions follow the account on Instagram.",
	}, socialFollowFamily)
	CommentsWidget = newPhraseRule(&rules.Rule{
		ID: "boilerplate/comments", Summary: "a comments counter or comment-form line",
		Doc: `Comment widgets: "12 Comments", "Leave a reply", "Your email address will not be published", "Comments are closed", "Kommentare", "Laisser un commentaire".`,
		Bad: "Leave a Reply", Good: "Readers left 400 comments under the column.",
	}, commentsFamily)
	PrintEmail = newPhraseRule(&rules.Rule{
		ID: "boilerplate/print-email", Summary: "a print, e-mail, save or listen link",
		Doc: `Article tool links: "Print", "Email this article", "Save for later", "Download PDF", "Listen to this article", "Drucken", "Imprimer".`,
		Bad: "Print this page", Good: "Print circulation fell by a third.",
	}, printFamily)
	TagList = newPhraseRule(&rules.Rule{
		ID: "boilerplate/tags", Summary: "a tag or category list (\"Tags: ...\")",
		Doc: `Tag and category lines: "Tags: Ukraine, NATO", "Filed under: Politics", "Posted in News", "Schlagwörter: ...", "Étiquettes : ...".`,
		Bad: "Tags: Ukraine, NATO, Security", Good: "Topics: the talks covered trade, energy and defence.",
	}, tagsFamily)
	Breadcrumbs = newPhraseRule(&rules.Rule{
		ID: "boilerplate/breadcrumbs", Summary: "a breadcrumb trail or site navigation link",
		Doc: `Navigation left in the text: "Home › News › World", "Skip to content", "Back to top", "Menu", "Contact us", "Startseite", "Accueil", "Inicio".`,
		Bad: "Home > News > Europe", Good: "She went home to Lyon after the summit.",
	}, navigationFamily)
	CallToAction = newPhraseRule(&rules.Rule{
		ID: "boilerplate/call-to-action", Summary: "a call-to-action button (\"Learn more\", \"Book a demo\")",
		Doc: `Marketing buttons left as lines: "Learn more", "Get started", "Book a demo", "Buy now", "Check price", "Mehr erfahren", "En savoir plus", "Más información". Exact lines only.`,
		Bad: "Book a demo", Good: "Learn more about the treaty in the annex.",
	}, callToActionFamily)
	BylineLabel = newPhraseRule(&rules.Rule{
		ID: "boilerplate/byline-label", Summary: "an author-box label (\"Written by\", \"About the author\")",
		Doc: `The labels of author boxes: "By" alone on a line, "Written by ...", "Reviewed by ...", "About the author", "View all posts". A byline inside a sentence ("By 2030, ...", "By Jane Doe, who ...") is article text.`,
		Bad: "About the author", Good: "By Jane Doe, who covered the talks, the outcome was expected.",
	}, bylineFamily)
	FormWidget = newPhraseRule(&rules.Rule{
		ID: "boilerplate/form-widget", Summary: "a form field or feedback widget (\"Was this page helpful?\")",
		Doc: `Form labels and messages of contact, newsletter and feedback widgets: "Name", "Phone number", "Submit", "This field is for validation purposes ...", "Was this page helpful?", "[email protected]" (an address a site hid).`,
		Bad: "Was this page helpful?", Good: "The form asked for a name and a phone number.",
	}, formFamily)
	DatelineLabel = newPhraseRule(&rules.Rule{
		ID: "boilerplate/dateline-label", Summary: "a publication-date label (\"Updated August 14, 2025\"), a hint",
		Doc: `Date labels of the page: "Updated August 14, 2025", "Published Jun 4, 2025", "Posted on November 6th", "Last updated on ...", "Veröffentlicht am ...", "Mis à jour le ...". They are metadata many clean ingests keep, so the rule only reports a hint (info); the structure rule counts them as furniture next to other furniture. A sentence ("Updated figures were published on Monday.") is article text.`,
		Bad: "Updated August 14, 2025", Good: "Updated figures were published on Monday.",
	}, datelineFamily)
	ShoppingWidget = newPhraseRule(&rules.Rule{
		ID: "boilerplate/shopping-widget", Summary: "a shopping-box line (\"$29 at Amazon\", \"Buy on Amazon\"), a hint",
		Doc: `Affiliate and price boxes of product reviews: "$32 $29 at Amazon", "$1,599.00 from Lowe's", "Buy now at Amazon", "See it at Best Buy", "View on Example.com". A line ending a sentence ("It costs $29 at Amazon.") is article text.`,
		Bad: "$32 $29 at Amazon", Good: "The kettle sells for $29 at Amazon.",
	}, shoppingFamily)
	Paywall = newPhraseRule(&rules.Rule{
		ID: "boilerplate/paywall", Summary: "a paywall prompt (\"Subscribe to continue reading\")",
		Doc: `Paywall and metering prompts: "Subscribe to continue reading", "This article is for subscribers only", "You have reached your free article limit", "Weiterlesen", "Lire la suite", "Seguir leyendo".`,
		Bad: "Subscribe to continue reading", Good: "Readers who subscribe to continue the series get a discount.",
	}, paywallFamily)
)
