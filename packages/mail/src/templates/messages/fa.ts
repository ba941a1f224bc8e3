import type { Messages } from './en';

export const fa = {
  'mail.greeting': '{name} گرامی،',
  'mail.why': 'این ایمیل به خاطر تنظیمات ایمیل شما در پارک‌بریج برایتان فرستاده شده است.',
  'mail.settings': 'تغییر ایمیل‌هایی که از پارک‌بریج می‌گیرید',
  'mail.unsubscribe': 'لغو دریافت ایمیل‌هایی از این دست',
  'mail.unsubscribeDigest': 'توقف خلاصهٔ روزانه',
  'mail.signature': 'پارک‌بریج، بازار شهرک صنعتی شما',
  'mail.linkHint': 'یا این نشانی را باز کنید:',

  'action.need': 'دیدن درخواست',
  'action.deal': 'دیدن معامله',
  'action.dealRoom': 'رفتن به اتاق معامله',
  'action.offering': 'دیدن آگهی واگذاری',
  'action.bookings': 'دیدن رزروهای شما',
  'action.expoBookings': 'بررسی رزروها',
  'action.settings': 'باز کردن تنظیمات',
  'action.digest': 'باز کردن پارک‌بریج',

  'digest.subject': 'خلاصهٔ پارک‌بریج شما برای {date}',
  'digest.intro': 'آنچه از خلاصهٔ پیشین تا کنون رخ داده است:',
  'digest.more': 'موارد بیشتری در اعلان‌های برنامه هست.',

  'need.matched.subject': 'درخواست تازه‌ای با کالاها و خدمات شما جور است: {need}',
  'need.matched.body':
    'درخواست «{need}» همین حالا منتشر شد و با آنچه عرضه می‌کنید جور است. مهلت پیشنهاد تا {closesAt} است.',
  'need.amended.subject': 'درخواستی که به آن پیشنهاد داده‌اید اصلاح شد: {need}',
  'need.amended.body':
    'خریدار «{need}» را اصلاح کرد: {reason}. شرایط تازه را ببینید و پیشنهادتان را دوباره تأیید کنید.',
  'need.cancelled.subject': 'درخواستی که به آن پیشنهاد داده‌اید لغو شد: {need}',
  'need.cancelled.body': 'خریدار «{need}» را لغو کرد. دلیل اعلام‌شده: {reason}',
  'need.extended.subject': 'زمان بسته شدن «{need}» تغییر کرد',
  'need.extended.body': 'مهلت پیشنهاد برای «{need}» اکنون تا {closesAt} است.',
  'need.closed.subject': 'مهلت پیشنهاد درخواست شما به پایان رسید: {need}',
  'need.closed.body':
    'مهلت پیشنهاد «{need}» با {bids} پیشنهاد به پایان رسید. آن‌ها را مقایسه کنید و یکی را برگزینید، یا با ذکر دلیل لغو کنید.',
  'question.asked.subject': 'تأمین‌کننده‌ای دربارهٔ {need} پرسشی دارد',
  'question.asked.body':
    'تأمین‌کننده‌ای دربارهٔ درخواست شما «{need}» پرسشی فرستاده است. پاسخ دهید: همهٔ پیشنهاددهندگان پاسخ را می‌بینند، نه نام پرسنده را.',
  'question.answered.subject': 'به پرسشی دربارهٔ {need} پاسخ داده شد',
  'question.answered.body':
    'خریدار به پرسشی دربارهٔ «{need}» پاسخ داد. پیش از پیشنهاد یا اصلاح آن، پاسخ را بخوانید.',
  'bid.outbid.subject': 'پیشنهاد بهتری از شما برای {need} رسید',
  'bid.outbid.body':
    'اکنون تأمین‌کنندهٔ دیگری بهترین قیمت را برای «{need}» داده است. تا پایان مهلت می‌توانید پیشنهادتان را اصلاح کنید.',
  'bid.needs_reconfirmation.subject': 'پیشنهاد خود برای {need} را دوباره تأیید کنید',
  'bid.needs_reconfirmation.body':
    'درخواست «{need}» اصلاح شد، پس پیشنهاد شما باید با شرایط تازه دوباره تأیید شود.',
  'bid.won.subject': 'پیشنهاد شما برنده شد: {need}',
  'bid.won.body':
    'خریدار پیشنهاد شما برای «{need}» را برگزید. معاملهٔ {dealRef} ساخته شد: برای ادامه آن را تأیید کنید.',
  'bid.lost.subject': 'خریدار پیشنهاد دیگری را برای {need} برگزید',
  'bid.lost.body': 'خریدار پیشنهاد دیگری را برای «{need}» برگزید. از پیشنهاد شما سپاسگزاریم.',
  'award.approval_requested.subject': 'واگذاری {need} در انتظار تأیید شماست',
  'award.approval_requested.body':
    'یکی از همکاران درخواست واگذاری «{need}» را بالاتر از سقف تأیید سازمان داده است. این واگذاری منتظر مدیر دوم است: نیاز را باز کنید و آن را تأیید یا رد کنید.',
  'deal.confirmed.subject': 'معاملهٔ {dealRef} تأیید شد: {deal}',
  'deal.confirmed.body': 'فروشنده معاملهٔ {dealRef} برای «{deal}» را تأیید کرد.',
  'deal.delivered.subject': 'معاملهٔ {dealRef} تحویل شد: {deal}',
  'deal.delivered.body':
    'فروشنده معاملهٔ {dealRef} برای «{deal}» را تحویل‌شده اعلام کرد. پس از رسیدن کالا، تحویل را بپذیرید.',
  'deal.accepted.subject': 'تحویل معاملهٔ {dealRef} پذیرفته شد: {deal}',
  'deal.accepted.body':
    'خریدار تحویل معاملهٔ {dealRef} برای «{deal}» را پذیرفت. اکنون می‌توانید به یکدیگر امتیاز دهید.',
  'deal.rated.subject': 'برای معاملهٔ {dealRef} به شما امتیاز داده شد',
  'deal.rated.body': 'طرف دیگر برای معاملهٔ {dealRef} دربارهٔ «{deal}» امتیاز داد.',
  'deal.cancelled.subject': 'معاملهٔ {dealRef} لغو شد: {deal}',
  'deal.cancelled.body': 'طرف دیگر معاملهٔ {dealRef} برای «{deal}» را لغو کرد. دلیل اعلام‌شده: {reason}',
  'deal.message.subject': 'پیام تازه در معاملهٔ {dealRef}: {deal}',
  'deal.message.body': 'طرف دیگر در اتاق معاملهٔ {dealRef} برای «{deal}» برایتان نوشته است.',
  'booking.requested.subject': 'غرفهٔ {slot} در {expo} در انتظار تأیید شماست',
  'booking.requested.body': 'شرکتی درخواست رزرو غرفهٔ {slot} در {expo} را داده است. رزرو را تأیید یا رد کنید.',
  'booking.confirmed.subject': 'رزرو غرفهٔ {slot} در {expo} تأیید شد',
  'booking.confirmed.body': 'شهرک رزرو غرفهٔ {slot} شما در {expo} را تأیید کرد.',
  'booking.rejected.subject': 'رزرو غرفهٔ {slot} در {expo} رد شد',
  'booking.rejected.body':
    'شهرک رزرو غرفهٔ {slot} شما در {expo} را رد کرد. شاید غرفه‌های دیگری هنوز آزاد باشند.',
  'booking.cancelled.subject': 'رزرو غرفهٔ {slot} در {expo} لغو شد',
  'booking.cancelled.body': 'رزرو غرفهٔ {slot} در {expo} لغو شد.',
  'booking.offered.subject': 'غرفهٔ {slot} در {expo} برای شما نگه داشته شده است',
  'booking.offered.body':
    'غرفهٔ {slot} در {expo} که در انتظارش بودید تا {expiresAt} برای شما نگه داشته شده است. پیش از آن رزرو را ثبت کنید.',
  'booking.expired.subject': 'نگه‌داشت غرفهٔ {slot} در {expo} به پایان رسید',
  'booking.expired.body':
    'نگه‌داشت غرفهٔ {slot} در {expo} پیش از ثبت رزرو به پایان رسید و غرفه دوباره آزاد است.',
  'offering.won.subject': 'پیشنهاد شما برای {offering} برنده شد',
  'offering.won.body':
    'شهرک «{offering}» را به پیشنهاد شما واگذار کرد و شرکت شما اکنون واحد مستقر تأییدشدهٔ شهرک است.',
  'offering.lost.subject': '{offering} به پیشنهاد دیگری واگذار شد',
  'offering.lost.body': 'شهرک «{offering}» را به پیشنهاددهندهٔ دیگری واگذار کرد. از پیشنهاد شما سپاسگزاریم.',
  'offering.cancelled.subject': '{offering} پس گرفته شد',
  'offering.cancelled.body': 'شهرک «{offering}» را که برایش پیشنهاد داده بودید پس گرفت. دلیل: {reason}',
  'email.suppressed.subject': 'ایمیل به {address} نمی‌رسد',
  'email.suppressed.body':
    'ایمیل به {person} ({address}) برگشت خورد یا هرزنامه شناخته شد، پس پارک‌بریج دیگر به آن نمی‌فرستد. نشانی را در تنظیمات بررسی کنید.',

  'invitation.subject': '{inviterName} شما را به {orgName} در پارک‌بریج دعوت می‌کند',
  'invitation.body':
    '{inviterName} شما را دعوت می‌کند تا با نقش {role} به {orgName} در پارک‌بریج بپیوندید. این دعوت تا {expiresAt} معتبر است.',
  'invitation.action': 'پذیرفتن دعوت',
  'role.admin': 'مدیر',
  'role.buyer': 'خریدار',
  'role.seller': 'فروشنده',
  'role.viewer': 'بیننده',
  'role.staff': 'کارمند',

  'account.verify.subject': 'کد تأیید پارک‌بریج شما',
  'account.verify.body': 'کد تأیید شما {code} است. آن را در پارک‌بریج وارد کنید تا نشانی ایمیلتان تأیید شود.',
  'account.reset.subject': 'بازنشانی گذرواژهٔ پارک‌بریج',
  'account.reset.body':
    'کد بازنشانی گذرواژهٔ شما {code} است. اگر آن را نخواسته‌اید، این ایمیل را نادیده بگیرید.',
  'account.welcome.subject': 'حساب پارک‌بریج شما',
  'account.welcome.body':
    'برای شما حسابی ساخته شد. با نام کاربری {username} و گذرواژهٔ موقت {code} وارد شوید و گذرواژهٔ خودتان را برگزینید.',
  'account.signIn.subject': 'کد ورود پارک‌بریج شما',
  'account.signIn.body': 'کد ورود شما {code} است.',
} as const satisfies Messages;
