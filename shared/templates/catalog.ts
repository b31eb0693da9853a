/**
 * The journey templates offered in the new-board form. Each is a starting point, not finished content:
 * the six stages with a few words under each name (how that stage looks for this kind of business) and
 * a few question cards that start the discussion where it usually matters. The blank map is today's
 * default board: no subtitles, no cards.
 */
import type { BoardSpec, CardSpec, Words } from './build';
import type { TemplateId } from './template-ids';

export { TEMPLATE_IDS, type TemplateId } from './template-ids';

/** A question card of our own. */
const q = (id: string, stage: string, lane: string, text: Words): CardSpec => ({ id, stage, lane, kind: 'question', text });
/** Every template asks the Moment-of-Truth exercise's first question where the method puts it. */
const promised: CardSpec = { id: 'truth-promised', stage: 'use', lane: 'ideas', deck: 'truth-exercise/promised' };

export const TEMPLATES: Record<TemplateId, BoardSpec> = {
  blank: {
    title: { en: 'New customer journey', it: 'Nuovo percorso cliente' },
    cards: [],
  },

  'b2b-service': {
    title: { en: 'B2B service', it: 'Servizio B2B' },
    subtitles: {
      awareness: { en: 'a problem gets a name', it: 'il problema prende un nome' },
      consideration: { en: 'meetings, proposals, references', it: 'incontri, proposte, referenze' },
      purchase: { en: 'the proposal is signed', it: 'l’offerta viene firmata' },
      use: { en: 'kick-off and delivery', it: 'avvio e consegna' },
      retention: { en: 'renewals and new projects', it: 'rinnovi e nuovi progetti' },
      advocacy: { en: 'references and introductions', it: 'referenze e presentazioni' },
    },
    cards: [
      q('b2b-aw', 'awareness', 'activities', {
        en: 'Who in the client company notices the problem first, and where do they look for help?',
        it: 'Chi, nell’azienda cliente, si accorge per primo del problema, e dove cerca aiuto?',
      }),
      q('b2b-co', 'consideration', 'goals', {
        en: 'Who else has a say in the decision, and what does each of them need to hear?',
        it: 'Chi altro ha voce nella decisione, e che cosa ha bisogno di sentirsi dire ciascuno?',
      }),
      q('b2b-pu', 'purchase', 'activities', {
        en: 'How long from the first meeting to the signature, and where does it stall?',
        it: 'Quanto tempo passa dal primo incontro alla firma, e dove si inceppa?',
      }),
      q('b2b-us', 'use', 'emotions', {
        en: 'Who on your side is with the client in the first weeks after the signature?',
        it: 'Chi dei vostri sta accanto al cliente nelle prime settimane dopo la firma?',
      }),
      promised,
      q('b2b-re', 'retention', 'channels', {
        en: 'How does the client reach you when something goes wrong, and do they get the same person each time?',
        it: 'Come vi raggiunge il cliente quando qualcosa non va, e trova ogni volta la stessa persona?',
      }),
      q('b2b-ad', 'advocacy', 'ideas', {
        en: 'Which clients would introduce you to a peer today, and have you asked them?',
        it: 'Quali clienti vi presenterebbero oggi a un collega, e glielo avete chiesto?',
      }),
    ],
  },

  'online-shop': {
    title: { en: 'Online shop', it: 'Negozio online' },
    subtitles: {
      awareness: { en: 'ads, searches, posts', it: 'pubblicità, ricerche, post' },
      consideration: { en: 'product page and reviews', it: 'scheda prodotto e recensioni' },
      purchase: { en: 'cart and checkout', it: 'carrello e pagamento' },
      use: { en: 'delivery and unboxing', it: 'consegna e apertura del pacco' },
      retention: { en: 'returns and the next order', it: 'resi e ordine successivo' },
      advocacy: { en: 'reviews and photos', it: 'recensioni e foto' },
    },
    cards: [
      q('shop-aw', 'awareness', 'channels', {
        en: 'Where do new shoppers first see your products: an ad, a search, a friend’s post?',
        it: 'Dove vedono per la prima volta i vostri prodotti i nuovi clienti: una pubblicità, una ricerca, il post di un amico?',
      }),
      q('shop-co', 'consideration', 'activities', {
        en: 'What do they check before adding to the cart: price, delivery time, reviews, returns?',
        it: 'Che cosa controllano prima di mettere nel carrello: prezzo, tempi di consegna, recensioni, resi?',
      }),
      q('shop-pu', 'purchase', 'emotions', {
        en: 'At which step of the checkout are carts abandoned, and why?',
        it: 'A quale passo del pagamento vengono abbandonati i carrelli, e perché?',
      }),
      q('shop-us', 'use', 'activities', {
        en: 'What happens between the order and the parcel at the door, and what do they hear from you meanwhile?',
        it: 'Che cosa succede tra l’ordine e il pacco alla porta, e che cosa sentono da voi nel frattempo?',
      }),
      promised,
      q('shop-re', 'retention', 'goals', {
        en: 'What would bring a happy customer back for a second order?',
        it: 'Che cosa farebbe tornare un cliente soddisfatto per un secondo ordine?',
      }),
      q('shop-ad', 'advocacy', 'channels', {
        en: 'Where do customers show what they bought, and how could you thank them for it?',
        it: 'Dove mostrano i clienti ciò che hanno comprato, e come potreste ringraziarli?',
      }),
    ],
  },

  'local-business': {
    title: { en: 'Local shop or restaurant', it: 'Negozio o ristorante di quartiere' },
    subtitles: {
      awareness: { en: 'passing by, maps, friends', it: 'passando davanti, mappe, amici' },
      consideration: { en: 'opening hours, menu, reviews', it: 'orari, menu, recensioni' },
      purchase: { en: 'booking or walking in', it: 'prenotare o entrare' },
      use: { en: 'the visit', it: 'la visita' },
      retention: { en: 'coming back', it: 'tornare' },
      advocacy: { en: 'telling friends, reviews', it: 'dirlo agli amici, recensioni' },
    },
    cards: [
      q('local-aw', 'awareness', 'channels', {
        en: 'How do people nearby find out you exist: walking past, a map app, a friend?',
        it: 'Come scopre chi abita o lavora in zona che esistete: passando davanti, da una mappa sul telefono, da un amico?',
      }),
      q('local-co', 'consideration', 'activities', {
        en: 'What do they look up before coming: opening hours, menu or prices, reviews, photos?',
        it: 'Che cosa controllano prima di venire: orari, menu o prezzi, recensioni, foto?',
      }),
      q('local-pu', 'purchase', 'goals', {
        en: 'How easy is it to book a table, or to find what they came for once inside?',
        it: 'Quanto è facile prenotare un tavolo, o trovare quello che cercano una volta entrati?',
      }),
      q('local-us', 'use', 'emotions', {
        en: 'Which moment of the visit would they tell a friend about, good or bad?',
        it: 'Quale momento della visita racconterebbero a un amico, nel bene o nel male?',
      }),
      promised,
      q('local-re', 'retention', 'ideas', {
        en: 'What would make a first-time guest come back within a month?',
        it: 'Che cosa farebbe tornare entro un mese chi è venuto per la prima volta?',
      }),
      q('local-ad', 'advocacy', 'activities', {
        en: 'Who asks happy customers for a review, and when?',
        it: 'Chi chiede una recensione ai clienti contenti, e in quale momento?',
      }),
    ],
  },

  subscription: {
    title: { en: 'Subscription product', it: 'Prodotto in abbonamento' },
    subtitles: {
      awareness: { en: 'hears of the service', it: 'sente parlare del servizio' },
      consideration: { en: 'free trial or demo', it: 'prova gratuita o demo' },
      purchase: { en: 'subscribes', it: 'si abbona' },
      use: { en: 'the first weeks', it: 'le prime settimane' },
      retention: { en: 'renews or cancels', it: 'rinnova o disdice' },
      advocacy: { en: 'invites others', it: 'invita altri' },
    },
    cards: [
      q('sub-aw', 'awareness', 'goals', {
        en: 'What makes someone realise they need a service like yours?',
        it: 'Che cosa fa capire a qualcuno di avere bisogno di un servizio come il vostro?',
      }),
      q('sub-co', 'consideration', 'activities', {
        en: 'What must the trial show them before they are willing to pay?',
        it: 'Che cosa deve mostrare la prova prima che siano disposti a pagare?',
      }),
      q('sub-pu', 'purchase', 'emotions', {
        en: 'What surprises them on the first invoice or the first renewal?',
        it: 'Che cosa li sorprende nella prima fattura o al primo rinnovo?',
      }),
      q('sub-us', 'use', 'activities', {
        en: 'What must a new subscriber achieve in the first week so the service becomes a habit?',
        it: 'Che cosa deve riuscire a fare un nuovo abbonato nella prima settimana perché il servizio diventi un’abitudine?',
      }),
      promised,
      q('sub-re', 'retention', 'channels', {
        en: 'Which signs tell you a subscriber is about to cancel, and who notices them?',
        it: 'Quali segnali dicono che un abbonato sta per disdire, e chi se ne accorge?',
      }),
      q('sub-ad', 'advocacy', 'ideas', {
        en: 'What would make a subscriber invite a colleague or a friend?',
        it: 'Che cosa spingerebbe un abbonato a invitare un collega o un amico?',
      }),
    ],
  },
};
