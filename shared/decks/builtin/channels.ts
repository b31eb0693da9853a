import type { Deck } from '../deck-schema';
import { makeCards } from './make';

/** Channels, touchpoints and devices. No stage is suggested: the same channel serves several stages. */
export const channelsDeck: Deck = {
  formatVersion: 1,
  id: 'channels',
  title: { it: 'Canali e dispositivi', en: 'Channels and devices' },
  description: {
    it: 'Dove il cliente incontra l’azienda e con quale dispositivo. Attenzione ai passaggi da un canale all’altro: il cliente deve essere riconosciuto ovunque.',
    en: 'Where the customer meets the company and on which device. Watch the moves from one channel to another: the customer should be recognised everywhere.',
  },
  cards: makeCards('channel', { lane: 'channels' }, [
    { id: 'website', icon: 'globe', title: { it: 'Sito web', en: 'Website' } },
    { id: 'blog', icon: 'pen-line', title: { it: 'Blog', en: 'Blog' } },
    { id: 'search-engine', icon: 'search', title: { it: 'Motore di ricerca', en: 'Search engine' } },
    {
      id: 'youtube',
      icon: 'square-play',
      title: { it: 'YouTube', en: 'YouTube' },
      text: { it: 'Video che presentano o spiegano il prodotto.', en: 'Videos that present or explain the product.' },
    },
    { id: 'linkedin', icon: 'briefcase-business', title: { it: 'LinkedIn', en: 'LinkedIn' } },
    { id: 'social-networks', icon: 'share-2', title: { it: 'Altri social network', en: 'Other social networks' } },
    { id: 'email', icon: 'mail', title: { it: 'E-mail e newsletter', en: 'E-mail and newsletter' } },
    { id: 'phone-call', icon: 'phone', title: { it: 'Telefonata', en: 'Phone call' } },
    { id: 'shop', icon: 'store', title: { it: 'Negozio o punto vendita', en: 'Shop or point of sale' } },
    { id: 'e-commerce', icon: 'shopping-cart', title: { it: 'E-commerce', en: 'E-commerce' } },
    {
      id: 'quote-configurator',
      icon: 'calculator',
      title: { it: 'Configuratore di preventivi online', en: 'Online quote configurator' },
    },
    { id: 'mobile-app', icon: 'app-window', title: { it: 'App mobile', en: 'Mobile app' } },
    { id: 'chat', icon: 'message-circle-more', title: { it: 'Chat', en: 'Chat' } },
    { id: 'community', icon: 'messages-square', title: { it: 'Forum o community', en: 'Forum or community' } },
    { id: 'agent', icon: 'handshake', title: { it: 'Agente o distributore', en: 'Agent or distributor' } },
    { id: 'events', icon: 'ticket', title: { it: 'Fiere ed eventi', en: 'Trade fairs and events' } },
    { id: 'word-of-mouth', icon: 'megaphone', title: { it: 'Passaparola', en: 'Word of mouth' } },
    {
      id: 'device-smartphone',
      icon: 'smartphone',
      title: { it: 'Smartphone', en: 'Smartphone' },
      text: { it: 'Dispositivo', en: 'Device' },
    },
    {
      id: 'device-computer',
      icon: 'laptop',
      title: { it: 'Computer', en: 'Computer' },
      text: { it: 'Dispositivo', en: 'Device' },
    },
  ]),
};
